package dev.peering.connection.api;

import dev.peering.connection.domain.Connection;
import dev.peering.connection.domain.SessionAddresses;
import dev.peering.core.MicrosoftTrackingIds;
import dev.peering.reference.BgpSessionConfig;
import dev.peering.reference.ConnectionConfig;

/** REST bodies to and from the domain. The MD5 key is read only as "given or not" and never returned. */
public final class ConnectionApiMapper {

    private ConnectionApiMapper() {}

    public static ConnectionBody toApi(Connection c) {
        SessionAddresses a = c.addresses();
        return new ConnectionBody(
                c.id(),
                c.bandwidthInMbps(),
                c.provisionedBandwidthInMbps(),
                c.sessionAddressProvider(),
                c.useForPeeringService(),
                MicrosoftTrackingIds.of(c.id()),
                c.peeringDBFacilityId(),
                c.connectionState().name(),
                new ConnectionBody.BgpSession(
                        a.sessionPrefixV4(),
                        a.sessionPrefixV6(),
                        a.microsoftSessionIPv4Address(),
                        a.microsoftSessionIPv6Address(),
                        a.peerSessionIPv4Address(),
                        a.peerSessionIPv6Address(),
                        c.sessionStateV4().name(),
                        c.sessionStateV6().name(),
                        a.maxPrefixesAdvertisedV4(),
                        a.maxPrefixesAdvertisedV6(),
                        null),
                c.connectionIdentifier(),
                c.errorMessage(),
                c.blockedState() == null ? null : c.blockedState().name(),
                c.lastFailureTimeUtc());
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

    /** Whether the request set an MD5 key: all the service keeps of it. */
    public static boolean md5Given(ConnectionBody.BgpSession session) {
        return session != null
                && session.md5AuthenticationKey() != null
                && !session.md5AuthenticationKey().isEmpty();
    }
}
