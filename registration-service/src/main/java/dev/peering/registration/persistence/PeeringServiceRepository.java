package dev.peering.registration.persistence;

import dev.peering.registration.domain.PeeringServiceRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class PeeringServiceRepository implements PanacheRepositoryBase<PeeringServiceEntity, String> {

    private static final String BY_REF = "subscriptionId = ?1 and resourceGroup = ?2 and name = ?3";

    public Optional<PeeringServiceEntity> findByRef(PeeringServiceRef ref) {
        return find(BY_REF, ref.subscriptionId(), ref.resourceGroup(), ref.name())
                .firstResultOptional();
    }

    public Optional<PeeringServiceEntity> findByRefForUpdate(PeeringServiceRef ref) {
        return find(BY_REF, ref.subscriptionId(), ref.resourceGroup(), ref.name())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
