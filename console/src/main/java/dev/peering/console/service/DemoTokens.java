package dev.peering.console.service;

import dev.peering.console.config.ConsoleConfig;
import dev.peering.tokens.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local stack's "mint a demo token" button: signs a token with the stack's private key, as
 * {@code ./stack token} does. Only with {@code peering.console.demo-tokens.enabled} (the {@code local} profile);
 * anywhere else the button is not shown and this refuses.
 */
@ApplicationScoped
public class DemoTokens {

    private final ConsoleConfig config;

    public DemoTokens(ConsoleConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.demoTokens().enabled();
    }

    public String mint(String subscription, boolean operator) {
        if (!enabled()) {
            throw new IllegalStateException("demo tokens are off (the local profile turns them on)");
        }
        try {
            return Tokens.mint(
                    Tokens.readPrivateKey(Path.of(config.demoTokens().privateKey())),
                    operator ? "console-demo-operator" : "console-demo",
                    operator ? List.of() : List.of(subscription),
                    operator ? Tokens.OPERATOR : Tokens.PEER,
                    Duration.ofHours(8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
