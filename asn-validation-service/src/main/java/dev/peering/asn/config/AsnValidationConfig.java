package dev.peering.asn.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "peering.asn")
public interface AsnValidationConfig {

    /** How long a new PeerAsn stays Pending before it is decided (the seed: about 12 hours). */
    Duration approvalDelay();

    /** How often the scheduler looks for due PeerAsns (a Quarkus scheduler interval such as {@code 1s}). */
    String approvalPollInterval();

    /** How many due PeerAsns one scheduler pass decides. */
    int approvalBatchSize();
}
