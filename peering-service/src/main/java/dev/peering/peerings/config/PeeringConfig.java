package dev.peering.peerings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "peering.peerings")
public interface PeeringConfig {

    /**
     * How long a peering created with a PeerAsn this service does not know yet waits for that PeerAsn's
     * first event before it fails (read-your-writes across services, ADR 0009).
     */
    @WithDefault("PT10M")
    Duration peerAsnArrivalTimeout();

    /** How often the scheduler looks for peerings whose PeerAsn did not arrive in time (e.g. {@code 1s}). */
    @WithDefault("1s")
    String peerAsnArrivalPollInterval();

    /** How many such peerings one scheduler pass fails. */
    @WithDefault("100")
    int peerAsnArrivalBatchSize();
}
