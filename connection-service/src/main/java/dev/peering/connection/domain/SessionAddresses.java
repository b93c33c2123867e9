package dev.peering.connection.domain;

import dev.peering.reference.BgpSessionConfig;

/**
 * The BGP session configuration of one connection, as the facility checks need it. Any field may be
 * null: a family without addresses is not configured.
 */
public record SessionAddresses(
        String connectionId,
        String sessionPrefixV4,
        String sessionPrefixV6,
        String microsoftSessionIPv4Address,
        String microsoftSessionIPv6Address,
        String peerSessionIPv4Address,
        String peerSessionIPv6Address,
        Integer maxPrefixesAdvertisedV4,
        Integer maxPrefixesAdvertisedV6) {

    /** These addresses with each family that {@code session} gives taken from it, as a session added would make them. */
    public SessionAddresses withFamiliesOf(BgpSessionConfig session) {
        boolean v4 = SessionFamily.IPv4.isGivenIn(session);
        boolean v6 = SessionFamily.IPv6.isGivenIn(session);
        return new SessionAddresses(
                connectionId,
                v4 ? session.sessionPrefixV4() : sessionPrefixV4,
                v6 ? session.sessionPrefixV6() : sessionPrefixV6,
                v4 ? session.microsoftSessionIPv4Address() : microsoftSessionIPv4Address,
                v6 ? session.microsoftSessionIPv6Address() : microsoftSessionIPv6Address,
                v4 ? session.peerSessionIPv4Address() : peerSessionIPv4Address,
                v6 ? session.peerSessionIPv6Address() : peerSessionIPv6Address,
                v4 ? session.maxPrefixesAdvertisedV4() : maxPrefixesAdvertisedV4,
                v6 ? session.maxPrefixesAdvertisedV6() : maxPrefixesAdvertisedV6);
    }
}
