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
public class RegisteredPrefixRepository implements PanacheRepositoryBase<RegisteredPrefixEntity, String> {

    public Optional<RegisteredPrefixEntity> findByName(String peeringId, String name) {
        return find("peeringId = ?1 and name = ?2", peeringId, name).firstResultOptional();
    }

    public Optional<RegisteredPrefixEntity> findByNameForUpdate(String peeringId, String name) {
        return find("peeringId = ?1 and name = ?2", peeringId, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<RegisteredPrefixEntity> findByPrefix(String peeringId, String prefix) {
        return find("peeringId = ?1 and prefix = ?2", peeringId, prefix).firstResultOptional();
    }

    /** The registered prefix whose Prefix Key has this hash, through the unique index. */
    public Optional<RegisteredPrefixEntity> findByKeyHash(String prefixKeyHash) {
        return find("prefixKeyHash", prefixKeyHash).firstResultOptional();
    }

    /**
     * The usable (Verified or Warning) registered prefixes of subscriptions other than {@code subscriptionId}
     * that share an address with {@code prefix}: PostgreSQL's {@code &&} on {@code cidr} finds them.
     */
    @SuppressWarnings("unchecked")
    public List<RegisteredPrefixEntity> usableOverlappingOfOthers(String subscriptionId, String prefix) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from registered_prefix where subscription_id <> ?1"
                                + " and prefix_validation_state in ('" + PrefixValidationState.Verified + "', '"
                                + PrefixValidationState.Warning + "')"
                                + " and cast(prefix as cidr) && cast(?2 as cidr) order by prefix",
                        RegisteredPrefixEntity.class)
                .setParameter(1, subscriptionId)
                .setParameter(2, prefix)
                .getResultList();
    }

    public List<RegisteredPrefixEntity> allOfPeeringForUpdate(String peeringId) {
        return find("peeringId", Sort.by("name"), peeringId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Up to {@code limit} registered prefixes of a peering with names after {@code after}, by name. */
    public List<RegisteredPrefixEntity> page(String peeringId, String after, int limit) {
        return (after == null
                        ? find("peeringId = ?1", Sort.by("name"), peeringId)
                        : find("peeringId = ?1 and name > ?2", Sort.by("name"), peeringId, after))
                .page(0, limit)
                .list();
    }

    /** Claims registered prefixes whose validation is due, skipping those another instance holds. */
    @SuppressWarnings("unchecked")
    public List<RegisteredPrefixEntity> claimDue(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from registered_prefix where validate_at <= ?1 order by validate_at limit ?2"
                                + " for update skip locked",
                        RegisteredPrefixEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
