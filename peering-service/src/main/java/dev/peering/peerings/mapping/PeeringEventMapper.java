package dev.peering.peerings.mapping;

import dev.peering.events.PeeringEvent;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.PeeringEntity;
import java.util.List;

/** Peerings as the peering topic describes them. MD5 keys never travel: only whether one is configured. */
public final class PeeringEventMapper {

    private PeeringEventMapper() {}

    /**
     * The event about a peering, naming {@code connections}; {@code peerAsn} is its PeerAsn's number, or
     * null while this service does not know it.
     */
    public static PeeringEvent toEvent(
            PeeringEntity e, String previousState, List<ConnectionViewEntity> connections, Long peerAsn) {
        return new PeeringEvent(
                e.resourceId,
                e.subscriptionId,
                e.resourceGroup,
                e.name,
                e.peerAsnId,
                e.peeringLocation,
                previousState,
                e.provisioningState.name(),
                e.errorMessage,
                connections.stream().map(PeeringEventMapper::toEvent).toList(),
                peerAsn);
    }

    /**
     * The peering as its state topic carries it: its own fields, no previous state and no connections (their
     * owner, connection-service, publishes each connection's state).
     */
    public static PeeringEvent toState(PeeringEntity e, Long peerAsn) {
        return new PeeringEvent(
                e.resourceId,
                e.subscriptionId,
                e.resourceGroup,
                e.name,
                e.peerAsnId,
                e.peeringLocation,
                null,
                e.provisioningState.name(),
                e.errorMessage,
                null,
                peerAsn);
    }

    public static PeeringEvent.Connection toEvent(ConnectionViewEntity c) {
        return new PeeringEvent.Connection(
                c.connectionIdentifier,
                c.peeringDBFacilityId,
                c.bandwidthInMbps,
                c.sessionAddressProvider,
                c.useForPeeringService,
                c.sessionPrefixV4,
                c.sessionPrefixV6,
                c.microsoftSessionIPv4Address,
                c.microsoftSessionIPv6Address,
                c.peerSessionIPv4Address,
                c.peerSessionIPv6Address,
                c.maxPrefixesAdvertisedV4,
                c.maxPrefixesAdvertisedV6,
                c.md5Configured);
    }
}
