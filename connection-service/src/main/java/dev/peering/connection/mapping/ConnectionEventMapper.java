package dev.peering.connection.mapping;

import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import java.time.OffsetDateTime;

/** The one place connections become event records. The MD5 key never passes here. */
public final class ConnectionEventMapper {

    private ConnectionEventMapper() {}

    /**
     * An event about the connection as it is now; {@code previousConnectionState} and the previous
     * session states say what changed.
     */
    public static ConnectionEvent toEvent(
            ConnectionEntity e,
            String previousConnectionState,
            String previousSessionStateV4,
            String previousSessionStateV6,
            String reason,
            OffsetDateTime at) {
        return new ConnectionEvent(
                e.peeringId,
                e.subscriptionId,
                e.connectionIdentifier,
                e.peeringDBFacilityId,
                previousConnectionState,
                e.connectionState.name(),
                previousSessionStateV4,
                e.sessionStateV4.name(),
                previousSessionStateV6,
                e.sessionStateV6.name(),
                e.provisionedBandwidthInMbps,
                reason,
                e.errorMessage,
                at,
                toSnapshot(e),
                e.blockedState == null ? null : e.blockedState.name(),
                e.lastFailureTimeUtc);
    }

    /** The connection's configuration as events carry it (no MD5 key, only whether one is set). */
    public static PeeringEvent.Connection toSnapshot(ConnectionEntity e) {
        return new PeeringEvent.Connection(
                e.connectionIdentifier,
                e.peeringDBFacilityId,
                e.bandwidthInMbps,
                e.sessionAddressProvider,
                e.useForPeeringService,
                e.sessionPrefixV4,
                e.sessionPrefixV6,
                e.microsoftSessionIPv4Address,
                e.microsoftSessionIPv6Address,
                e.peerSessionIPv4Address,
                e.peerSessionIPv6Address,
                e.maxPrefixesAdvertisedV4,
                e.maxPrefixesAdvertisedV6,
                e.md5Configured);
    }
}
