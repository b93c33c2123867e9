package dev.peering.peerings.mapping;

import dev.peering.peerings.domain.ConnectionView;
import dev.peering.peerings.domain.Peering;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.PeeringEntity;

/** Stored peerings as the use cases hand them out, so no entity leaves service/. */
public final class PeeringReadMapper {

    private PeeringReadMapper() {}

    /** Reads the connections too: call it while the entity's session is open. */
    public static Peering toPeering(PeeringEntity e) {
        return new Peering(
                e.ref(),
                e.kind,
                e.skuName,
                e.location,
                e.directPeeringType,
                e.peerAsnId,
                e.peeringLocation,
                e.tags,
                e.provisioningState,
                e.errorMessage,
                e.connections.stream().map(PeeringReadMapper::toView).toList());
    }

    // The MD5 key stays behind: it is write-only.
    public static ConnectionView toView(ConnectionViewEntity c) {
        return new ConnectionView(
                c.connectionIdentifier,
                c.peeringDBFacilityId,
                c.bandwidthInMbps,
                c.provisionedBandwidthInMbps,
                c.sessionAddressProvider,
                c.useForPeeringService,
                c.connectionState,
                c.sessionPrefixV4,
                c.sessionPrefixV6,
                c.microsoftSessionIPv4Address,
                c.microsoftSessionIPv6Address,
                c.peerSessionIPv4Address,
                c.peerSessionIPv6Address,
                c.sessionStateV4,
                c.sessionStateV6,
                c.maxPrefixesAdvertisedV4,
                c.maxPrefixesAdvertisedV6,
                c.errorMessage);
    }
}
