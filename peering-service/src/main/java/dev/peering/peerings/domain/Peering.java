package dev.peering.peerings.domain;

import dev.peering.core.PeeringRef;
import dev.peering.core.Tags;
import java.util.List;

/** A stored peering with its connections, as a use case returns it. */
public record Peering(
        PeeringRef ref,
        String kind,
        String skuName,
        String location,
        String directPeeringType,
        String peerAsnId,
        String peeringLocation,
        Tags tags,
        ProvisioningState provisioningState,
        String errorMessage,
        List<ConnectionView> connections) {

    public String resourceId() {
        return ref.resourceId();
    }

    /** Shown on the peering: true when any of its connections uses Peering Service. */
    public boolean useForPeeringService() {
        return connections.stream().anyMatch(ConnectionView::useForPeeringService);
    }
}
