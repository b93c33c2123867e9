package dev.peering.reference.cdi;

import dev.peering.reference.ConnectionRules;
import dev.peering.reference.PeeringLocations;
import dev.peering.reference.PeeringServiceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The shipped peering locations, read once, and the connection rules over them, for every service
 * that has this library on its class path (the jar's beans.xml makes it a bean archive). Singletons:
 * both types are final, so they cannot be proxied.
 */
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
    PeeringServiceCatalog peeringServiceCatalog() {
        return PeeringServiceCatalog.load();
    }

    @Produces
    @Singleton
    ConnectionRules rules() {
        return new ConnectionRules(locations);
    }
}
