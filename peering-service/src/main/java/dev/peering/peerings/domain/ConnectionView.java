package dev.peering.peerings.domain;

/**
 * One connection of a peering as this service shows it: the configuration it was given and the states
 * connection-service reports. It has no MD5 key: the key is write-only and never leaves the database.
 */
public record ConnectionView(
        String connectionIdentifier,
        int peeringDBFacilityId,
        int bandwidthInMbps,
        int provisionedBandwidthInMbps,
        String sessionAddressProvider,
        boolean useForPeeringService,
        String connectionState,
        String sessionPrefixV4,
        String sessionPrefixV6,
        String microsoftSessionIPv4Address,
        String microsoftSessionIPv6Address,
        String peerSessionIPv4Address,
        String peerSessionIPv6Address,
        String sessionStateV4,
        String sessionStateV6,
        Integer maxPrefixesAdvertisedV4,
        Integer maxPrefixesAdvertisedV6,
        String errorMessage) {

    /** A new connection's state until connection-service reports one. */
    public static final String PENDING_APPROVAL = "PendingApproval";
    /** A configured session not yet established. */
    public static final String SESSION_PENDING_ADD = "PendingAdd";
    /** No session of that address family. */
    public static final String SESSION_NONE = "None";
}
