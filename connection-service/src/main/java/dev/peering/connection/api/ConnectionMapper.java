package dev.peering.connection.api;

import dev.peering.connection.domain.SessionAddresses;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.reference.BgpSessionConfig;
import dev.peering.reference.ConnectionConfig;

/** The one place connections become API bodies, events and rule inputs. The MD5 key never passes here. */
public final class ConnectionMapper {

    private ConnectionMapper() {}

    public static ConnectionBody toApi(ConnectionEntity e) {
        return new ConnectionBody(
                e.resourceId(),
                e.bandwidthInMbps,
                e.provisionedBandwidthInMbps,
                e.sessionAddressProvider,
                e.useForPeeringService,
                null,
                e.peeringDBFacilityId,
                e.connectionState.name(),
                new ConnectionBody.BgpSession(
                        e.sessionPrefixV4,
                        e.sessionPrefixV6,
                        e.microsoftSessionIPv4Address,
                        e.microsoftSessionIPv6Address,
                        e.peerSessionIPv4Address,
                        e.peerSessionIPv6Address,
                        e.sessionStateV4.name(),
                        e.sessionStateV6.name(),
                        e.maxPrefixesAdvertisedV4,
                        e.maxPrefixesAdvertisedV6,
                        null),
                e.connectionIdentifier,
                e.errorMessage,
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
            java.time.OffsetDateTime at) {
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

    public static SessionAddresses toAddresses(ConnectionEntity e) {
        return new SessionAddresses(
                e.resourceId(),
                e.sessionPrefixV4,
                e.sessionPrefixV6,
                e.microsoftSessionIPv4Address,
                e.microsoftSessionIPv6Address,
                e.peerSessionIPv4Address,
                e.peerSessionIPv6Address,
                e.maxPrefixesAdvertisedV4,
                e.maxPrefixesAdvertisedV6);
    }

    public static ConnectionConfig toConfig(ConnectionBody body) {
        return new ConnectionConfig(
                body.peeringDBFacilityId(),
                body.bandwidthInMbps(),
                body.sessionAddressProvider(),
                body.useForPeeringService(),
                toConfig(body.bgpSession()));
    }

    public static BgpSessionConfig toConfig(ConnectionBody.BgpSession s) {
        return s == null
                ? null
                : new BgpSessionConfig(
                        s.sessionPrefixV4(),
                        s.sessionPrefixV6(),
                        s.microsoftSessionIPv4Address(),
                        s.microsoftSessionIPv6Address(),
                        s.peerSessionIPv4Address(),
                        s.peerSessionIPv6Address(),
                        s.maxPrefixesAdvertisedV4(),
                        s.maxPrefixesAdvertisedV6());
    }
}
