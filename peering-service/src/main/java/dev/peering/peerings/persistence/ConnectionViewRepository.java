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
}
