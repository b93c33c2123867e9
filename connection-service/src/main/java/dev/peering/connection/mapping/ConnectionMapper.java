package dev.peering.connection.mapping;

import dev.peering.connection.domain.Connection;
import dev.peering.connection.domain.PeeringView;
import dev.peering.connection.domain.SessionAddresses;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.PeeringViewEntity;

/** Entities as the domain reads them: the read records the REST layer maps, and the facility checks' input. */
public final class ConnectionMapper {

    private ConnectionMapper() {}

    public static Connection toConnection(ConnectionEntity e) {
        return new Connection(
                e.resourceId(),
                e.connectionIdentifier,
                e.peeringDBFacilityId,
                e.bandwidthInMbps,
                e.provisionedBandwidthInMbps,
                e.sessionAddressProvider,
                e.useForPeeringService,
                e.connectionState,
                e.blockedState,
                toAddresses(e),
                e.sessionStateV4,
                e.sessionStateV6,
                e.errorMessage,
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

    public static PeeringView toView(PeeringViewEntity p) {
        return new PeeringView(p.peeringId, p.name, p.peeringLocation, p.provisioningState);
    }
}
