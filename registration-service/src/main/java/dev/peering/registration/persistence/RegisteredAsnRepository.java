package dev.peering.registration.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RegisteredAsnRepository implements PanacheRepositoryBase<RegisteredAsnEntity, String> {

    public Optional<RegisteredAsnEntity> findByName(String peeringId, String name) {
        return find("peeringId = ?1 and name = ?2", peeringId, name).firstResultOptional();
    }

    public Optional<RegisteredAsnEntity> findByNameForUpdate(String peeringId, String name) {
        return find("peeringId = ?1 and name = ?2", peeringId, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<RegisteredAsnEntity> findByAsn(String peeringId, long asn) {
        return find("peeringId = ?1 and asn = ?2", peeringId, asn).firstResultOptional();
    }

    /** The registered ASN whose Prefix Key has this hash: found through the unique index, not by comparing keys. */
    public Optional<RegisteredAsnEntity> findByKeyHash(String prefixKeyHash) {
        return find("prefixKeyHash", prefixKeyHash).firstResultOptional();
    }

    /** The ASNs registered under a peering. */
    public List<Long> asnsOf(String peeringId) {
        return getEntityManager()
                .createQuery("select r.asn from RegisteredAsnEntity r where r.peeringId = :peeringId", Long.class)
                .setParameter("peeringId", peeringId)
                .getResultList();
    }

    public List<RegisteredAsnEntity> allOfPeeringForUpdate(String peeringId) {
        return find("peeringId", Sort.by("name"), peeringId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Up to {@code limit} registered ASNs of a peering with names after {@code after}, by name. */
    public List<RegisteredAsnEntity> page(String peeringId, String after, int limit) {
        return (after == null
                        ? find("peeringId = ?1", Sort.by("name"), peeringId)
                        : find("peeringId = ?1 and name > ?2", Sort.by("name"), peeringId, after))
                .page(0, limit)
                .list();
    }
}
