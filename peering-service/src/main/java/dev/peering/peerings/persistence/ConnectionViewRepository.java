package dev.peering.peerings.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ConnectionViewRepository implements PanacheRepositoryBase<ConnectionViewEntity, String> {

    /** The connection {@code connectionIdentifier} of the peering with ARM id {@code peeringId}. */
    public Optional<ConnectionViewEntity> find(String peeringId, String connectionIdentifier) {
        return find("peering.resourceId = ?1 and connectionIdentifier = ?2", peeringId, connectionIdentifier)
                .firstResultOptional();
    }

    /**
     * The connection {@code connectionIdentifier} (any case) of the loaded peering {@code peering}, read on
     * its own: a connection event changes one connection, and loading the peering's whole collection for it
     * cost more than the rest of the event's work (measured under the benchmark's load).
     */
    public Optional<ConnectionViewEntity> findOf(PeeringEntity peering, String connectionIdentifier) {
        return find(
                        "peering = ?1 and lower(connectionIdentifier) = ?2",
                        peering,
                        connectionIdentifier.toLowerCase(java.util.Locale.ROOT))
                .firstResultOptional();
    }
}
