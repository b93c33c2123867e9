package dev.peering.connection.domain;

import dev.peering.reference.BgpSessionConfig;
import dev.peering.reference.ConnectionConfig;

/**
 * The configuration a connection is created or corrected with, from a peering event or the peer's PUT.
 * The MD5 key itself never reaches here, only whether one was given.
 */
public record ConnectionSpec(
        String connectionIdentifier,
        int peeringDBFacilityId,
        int bandwidthInMbps,
        String sessionAddressProvider,
        boolean useForPeeringService,
        BgpSessionConfig session,
        boolean md5Configured) {

    /** From a request that {@code ConnectionRules.validate} accepted (facility, bandwidth and session set). */
    public static ConnectionSpec requested(String connectionIdentifier, ConnectionConfig requested, boolean md5Given) {
        return new ConnectionSpec(
                connectionIdentifier,
                requested.peeringDBFacilityId(),
                requested.bandwidthInMbps(),
                requested.sessionAddressProvider(),
                Boolean.TRUE.equals(requested.useForPeeringService()),
                requested.bgpSession(),
                md5Given);
    }
}
