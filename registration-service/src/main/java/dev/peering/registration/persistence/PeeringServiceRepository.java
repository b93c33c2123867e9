package dev.peering.registration.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class PeeringServiceRepository implements PanacheRepositoryBase<PeeringServiceEntity, String> {

    public Optional<PeeringServiceEntity> findByName(String subscriptionId, String resourceGroup, String name) {
        return find("subscriptionId = ?1 and resourceGroup = ?2 and name = ?3", subscriptionId, resourceGroup, name)
                .firstResultOptional();
    }

    public Optional<PeeringServiceEntity> findByNameForUpdate(
            String subscriptionId, String resourceGroup, String name) {
        return find("subscriptionId = ?1 and resourceGroup = ?2 and name = ?3", subscriptionId, resourceGroup, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
