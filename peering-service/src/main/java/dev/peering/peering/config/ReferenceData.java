package dev.peering.peering.config;

import dev.peering.reference.ConnectionRules;
import dev.peering.reference.PeeringLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The peering locations shipped in reference-data, read once, and the connection rules over them. */
@ApplicationScoped
public class ReferenceData {

    private final PeeringLocations locations = PeeringLocations.load();
    private final ConnectionRules rules = new ConnectionRules(locations);

    @Produces
    public PeeringLocations locations() {
        return locations;
    }

    @Produces
    public ConnectionRules connectionRules() {
        return rules;
    }
}
