package dev.peering.peerings.persistence;

import dev.peering.core.PeeringRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class PeeringRepository implements PanacheRepositoryBase<PeeringEntity, String> {

    private static final String BY_NAME = "subscriptionId = ?1 and resourceGroup = ?2 and name = ?3";

    public Optional<PeeringEntity> findByRef(PeeringRef ref) {
        return find(BY_NAME, ref.subscriptionId(), ref.resourceGroup(), ref.name())
                .firstResultOptional();
    }

    // Tests look a row up by its parts.
    public Optional<PeeringEntity> findByName(String subscriptionId, String resourceGroup, String name) {
        return findByRef(new PeeringRef(subscriptionId, resourceGroup, name));
    }

    /** The peering locked for this transaction, so a request and an event handler on it serialise. */
    public Optional<PeeringEntity> findByRefForUpdate(PeeringRef ref) {
        return find(BY_NAME, ref.subscriptionId(), ref.resourceGroup(), ref.name())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<PeeringEntity> findByResourceIdForUpdate(String resourceId) {
        return find("resourceId = ?1", resourceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The peerings that wait on this PeerAsn (its id in any case), locked. */
    public List<PeeringEntity> waitingOn(String peerAsnId) {
        return find(
                        "waitingOnPeerAsn = true and lower(peerAsnId) = ?1",
                        Sort.by("createdAt"),
                        peerAsnId.toLowerCase(Locale.ROOT))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * Claims peerings whose PeerAsn did not arrive in time: locked for this transaction, skipping those
     * another instance (or a PeerAsn event) holds, so no two instances fail the same peering.
     */
    @SuppressWarnings("unchecked")
    public List<PeeringEntity> claimOverdueArrivals(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from peering where peer_asn_arrival_due_at <= ?1 and waiting_on_peer_asn"
                                + " order by peer_asn_arrival_due_at limit ?2 for update skip locked",
                        PeeringEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Up to {@code limit} peerings of a resource group with names after {@code after}, by name. */
    public List<PeeringEntity> pageByResourceGroup(
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

    /** Up to {@code limit} peerings of a subscription with resource ids after {@code after}, by resource id. */
    public List<PeeringEntity> pageBySubscription(String subscriptionId, String after, int limit) {
        return (after == null
                        ? find("subscriptionId = ?1", Sort.by("resourceId"), subscriptionId)
                        : find("subscriptionId = ?1 and resourceId > ?2", Sort.by("resourceId"), subscriptionId, after))
                .page(0, limit)
                .list();
    }
}
