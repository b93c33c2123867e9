package dev.peering.registration.persistence;

import dev.peering.registration.domain.PeeringServiceRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
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

    /** Up to {@code limit} Peering Services of a resource group with names after {@code after}, by name. */
    public List<PeeringServiceEntity> pageByResourceGroup(
            String subscriptionId, String resourceGroup, String after, int limit) {
        return (after == null
                        ? find(
                                "subscriptionId = ?1 and resourceGroup = ?2",
                                Sort.by("name"),
                                subscriptionId,
                                resourceGroup)
                        : find(
                                "subscriptionId = ?1 and resourceGroup = ?2 and name > ?3",
                                Sort.by("name"),
                                subscriptionId,
                                resourceGroup,
                                after))
                .page(0, limit)
                .list();
    }

    /** Up to {@code limit} Peering Services of a subscription with resource ids after {@code after}. */
    public List<PeeringServiceEntity> pageBySubscription(String subscriptionId, String after, int limit) {
        return (after == null
                        ? find("subscriptionId = ?1", Sort.by("resourceId"), subscriptionId)
                        : find("subscriptionId = ?1 and resourceId > ?2", Sort.by("resourceId"), subscriptionId, after))
                .page(0, limit)
                .list();
    }
}
