package dev.peering.reference;

/** The BGP session part of a connection as a request gives it (ARM {@code bgpSession}); any field may be null. */
public record BgpSessionConfig(
        String sessionPrefixV4,
        String sessionPrefixV6,
        String microsoftSessionIPv4Address,
        String microsoftSessionIPv6Address,
        String peerSessionIPv4Address,
        String peerSessionIPv6Address,
        Integer maxPrefixesAdvertisedV4,
        Integer maxPrefixesAdvertisedV6) {}
