package dev.peering.reference;

import java.util.List;

/** A metro with route-server exchange facilities, named as ARM's {@code peeringLocation}. */
public record PeeringLocation(String peeringLocation, String country, String azureRegion, List<Facility> facilities) {

    public PeeringLocation {
        facilities = List.copyOf(facilities);
    }
}
