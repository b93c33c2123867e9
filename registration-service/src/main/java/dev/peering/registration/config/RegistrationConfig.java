package dev.peering.registration.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "peering.registration")
public interface RegistrationConfig {

    /** How long a new or changed Peering Service prefix stays Pending before it is validated. */
    Duration prefixValidationDelay();

    /** How often the scheduler looks for due prefixes (a Quarkus scheduler interval such as {@code 1s}). */
    String prefixValidationPollInterval();

    /** How many due prefixes one scheduler pass validates. */
    int prefixValidationBatchSize();

    /**
     * Where the origin-ASN check reads a peering's received routes (ADR 0020): connection-service's (or the
     * gateway's) base URL, e.g. {@code http://localhost:8083}. Not set: no route source, the origin ASN is not
     * checked and every decided prefix says so.
     */
    Optional<String> routesUrl();

    /** The bearer token presented to {@link #routesUrl()} (it must be allowed to read every subscription's routes). */
    Optional<String> routesToken();
}
