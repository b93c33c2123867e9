package dev.peering.registration.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "peering.registration")
public interface RegistrationConfig {

    /** How long a new or changed Peering Service prefix stays Pending before it is validated. */
    Duration prefixValidationDelay();

    /** How often the scheduler looks for due prefixes (a Quarkus scheduler interval such as {@code 1s}). */
    String prefixValidationPollInterval();

    /** How many due prefixes one scheduler pass validates. */
    int prefixValidationBatchSize();
}
