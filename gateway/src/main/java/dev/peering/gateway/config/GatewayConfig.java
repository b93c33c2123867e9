package dev.peering.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Where each service listens and how long the gateway waits for it. */
@ConfigMapping(prefix = "peering.gateway")
public interface GatewayConfig {

    /**
     * The base URLs of each service's instances ({@code peering.gateway.routes.<service>}, comma-separated):
     * requests take turns among them, and one that cannot be connected to is skipped for the next.
     */
    Routes routes();

    /** How long a service may stay silent (before or while it answers) before the caller gets a 503. */
    @WithDefault("30s")
    Duration timeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** The {@code Retry-After} of a 503, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** How long the merged OpenAPI document waits for each service's own document. */
    @WithDefault("5s")
    Duration openapiTimeout();

    interface Routes {

        @WithDefault("http://localhost:8081")
        List<URI> asnValidationService();

        @WithDefault("http://localhost:8082")
        List<URI> peeringService();

        @WithDefault("http://localhost:8083")
        List<URI> connectionService();

        @WithDefault("http://localhost:8084")
        List<URI> registrationService();
    }
}
