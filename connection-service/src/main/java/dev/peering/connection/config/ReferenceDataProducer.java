package dev.peering.connection.config;

import dev.peering.reference.ConnectionRules;
import dev.peering.reference.PeeringLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shipped peering locations, read once, and the connection rules over them (final classes: no proxy). */
@ApplicationScoped
public class ReferenceDataProducer {

    private final PeeringLocations locations = PeeringLocations.load();

    @Produces
    @Singleton
    PeeringLocations locations() {
        return locations;
    }

    @Produces
    @Singleton
    ConnectionRules rules() {
        return new ConnectionRules(locations);
    }
}
