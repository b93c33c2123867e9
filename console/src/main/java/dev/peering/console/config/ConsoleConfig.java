package dev.peering.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;

/** {@code peering.console.*}: where the APIs are, how tokens are checked, how much the console remembers. */
@ConfigMapping(prefix = "peering.console")
public interface ConsoleConfig {

    /** The gateway (or a service) that serves the ARM paths. */
    String apiUrl();

    Duration apiTimeout();

    /** A {@code file:} URL or a path of the PEM public key that verifies tokens. */
    String publicKeyLocation();

    /** The bound of the recent-events buffer. */
    int recentEvents();

    DemoTokens demoTokens();

    interface DemoTokens {
        boolean enabled();

        @WithName("private-key")
        String privateKey();
    }
}
