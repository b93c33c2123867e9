package dev.peering.registration.persistence;

import dev.peering.registration.domain.PrefixValidationState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PeeringServicePrefixRepository implements PanacheRepositoryBase<PeeringServicePrefixEntity, String> {

    public Optional<PeeringServicePrefixEntity> findByName(String peeringServiceId, String name) {
        return find("peeringServiceId = ?1 and name = ?2", peeringServiceId, name)
                .firstResultOptional();
    }

    public Optional<PeeringServicePrefixEntity> findByNameForUpdate(String peeringServiceId, String name) {
        return find("peeringServiceId = ?1 and name = ?2", peeringServiceId, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<PeeringServicePrefixEntity> findByPrefix(String peeringServiceId, String prefix) {
        return find("peeringServiceId = ?1 and prefix = ?2", peeringServiceId, prefix)
                .firstResultOptional();
    }

    public List<PeeringServicePrefixEntity> allOfServiceForUpdate(String peeringServiceId) {
        return find("peeringServiceId", Sort.by("name"), peeringServiceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The prefixes using a key, locked, so a revocation and a validation of the same prefix serialise. */
    public List<PeeringServicePrefixEntity> usingKeyForUpdate(String prefixKeyHash) {
        return find("prefixKeyHash", Sort.by("id"), prefixKeyHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<PeeringServicePrefixEntity> page(String peeringServiceId, String after, int limit) {
        return (after == null
                        ? find("peeringServiceId = ?1", Sort.by("name"), peeringServiceId)
                        : find("peeringServiceId = ?1 and name > ?2", Sort.by("name"), peeringServiceId, after))
                .page(0, limit)
                .list();
    }

    /**
     * The usable (Verified or Warning) prefixes of subscriptions other than {@code subscriptionId} that share an address with
     * {@code prefix}: PostgreSQL's {@code &&} on {@code cidr} finds them.
     */
    @SuppressWarnings("unchecked")
    public List<PeeringServicePrefixEntity> usableOverlappingOfOthers(String subscriptionId, String prefix) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from peering_service_prefix where subscription_id <> ?1"
                                + " and prefix_validation_state in ('" + PrefixValidationState.Verified + "', '"
                                + PrefixValidationState.Warning + "')"
                                + " and cast(prefix as cidr) && cast(?2 as cidr) order by prefix",
                        PeeringServicePrefixEntity.class)
                .setParameter(1, subscriptionId)
                .setParameter(2, prefix)
                .getResultList();
    }

    /**
     * Claims prefixes whose validation is due: locked for this transaction, skipping those another
     * instance holds, so no two instances validate the same prefix.
     */
    @SuppressWarnings("unchecked")
    public List<PeeringServicePrefixEntity> claimDue(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from peering_service_prefix where validate_at <= ?1 order by validate_at limit ?2"
                                + " for update skip locked",
                        PeeringServicePrefixEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Rows of (prefix validation state, how many prefixes are in it): one aggregate query, for a gauge. */
    public List<Object[]> countByValidationState() {
        return getEntityManager()
                .createQuery(
                        "select e.prefixValidationState, count(e) from PeeringServicePrefixEntity e"
                                + " group by e.prefixValidationState",
                        Object[].class)
                .getResultList();
    }
}
