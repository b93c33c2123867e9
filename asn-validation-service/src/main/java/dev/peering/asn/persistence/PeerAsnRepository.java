package dev.peering.asn.persistence;

import dev.peering.asn.domain.PeerAsnRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PeerAsnRepository implements PanacheRepositoryBase<PeerAsnEntity, String> {

    public Optional<PeerAsnEntity> findByRef(PeerAsnRef ref) {
        return find("subscriptionId = ?1 and name = ?2", ref.subscriptionId(), ref.name())
                .firstResultOptional();
    }

    /** The PeerAsn locked for this transaction, so concurrent decisions on it serialise. */
    public Optional<PeerAsnEntity> findByRefForUpdate(PeerAsnRef ref) {
        return find("subscriptionId = ?1 and name = ?2", ref.subscriptionId(), ref.name())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<PeerAsnEntity> findByAsn(String subscriptionId, long peerAsn) {
        return find("subscriptionId = ?1 and peerAsn = ?2", subscriptionId, peerAsn)
                .firstResultOptional();
    }

    /** Up to {@code limit} PeerAsns of a subscription with names after {@code after}, by name. */
    public List<PeerAsnEntity> page(String subscriptionId, String after, int limit) {
        return (after == null
                        ? find("subscriptionId = ?1", Sort.by("name"), subscriptionId)
                        : find("subscriptionId = ?1 and name > ?2", Sort.by("name"), subscriptionId, after))
                .page(0, limit)
                .list();
    }

    /**
     * Claims PeerAsns whose decision is due: locked for this transaction, skipping those another
     * instance holds, so no two instances decide the same PeerAsn.
     */
    @SuppressWarnings("unchecked")
    public List<PeerAsnEntity> claimDue(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from peer_asn where decide_at <= ?1 order by decide_at limit ?2"
                                + " for update skip locked",
                        PeerAsnEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Rows of (validation state, how many PeerAsns are in it): one aggregate query, for a gauge. */
    public List<Object[]> countByValidationState() {
        return getEntityManager()
                .createQuery(
                        "select e.validationState, count(e) from PeerAsnEntity e group by e.validationState",
                        Object[].class)
                .getResultList();
    }
}
