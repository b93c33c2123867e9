package dev.peering.connection.domain;

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
        Integer maxPrefixesAdvertisedV6) {}
