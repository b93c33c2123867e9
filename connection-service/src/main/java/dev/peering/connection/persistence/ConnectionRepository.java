package dev.peering.connection.persistence;

import dev.peering.connection.domain.ConnectionState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<ConnectionEntity, String> {

    public Optional<ConnectionEntity> find(String peeringId, String connectionIdentifier) {
        return find("peeringId = ?1 and connectionIdentifier = ?2", peeringId, connectionIdentifier)
                .firstResultOptional();
    }

    /** The connection locked for this transaction: a concurrent action on it waits, then sees the result. */
    public Optional<ConnectionEntity> findForUpdate(String peeringId, String connectionIdentifier) {
        return find("peeringId = ?1 and connectionIdentifier = ?2", peeringId, connectionIdentifier)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<ConnectionEntity> ofPeeringForUpdate(String peeringId) {
        return find("peeringId = ?1", Sort.by("connectionIdentifier"), peeringId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Up to {@code limit} connections of a peering with identifiers after {@code after}, in identifier order. */
    public List<ConnectionEntity> page(String peeringId, String after, int limit) {
        return (after == null
                        ? find("peeringId = ?1", Sort.by("connectionIdentifier"), peeringId)
                        : find(
                                "peeringId = ?1 and connectionIdentifier > ?2",
                                Sort.by("connectionIdentifier"),
                                peeringId,
                                after))
                .page(0, limit)
                .list();
    }

    /** The other connections at a facility that are live (not failed, not being removed), for address checks. */
    public List<ConnectionEntity> liveAtFacility(int peeringDBFacilityId, String exceptId) {
        return find(
                        "peeringDBFacilityId = ?1 and id <> ?2 and decommissioning = false and connectionState <> ?3",
                        peeringDBFacilityId,
                        exceptId,
                        ConnectionState.ProvisioningFailed)
                .list();
    }

    /** Every connection of a peering, in identifier order. */
    public List<ConnectionEntity> ofPeering(String peeringId) {
        return find("peeringId = ?1", Sort.by("connectionIdentifier"), peeringId)
                .list();
    }

    /** The Active connections at a facility that are not being removed: a route server's sessions. */
    public List<ConnectionEntity> activeAtFacility(int peeringDBFacilityId) {
        return find(
                        "peeringDBFacilityId = ?1 and decommissioning = false and connectionState = ?2",
                        Sort.by("id"),
                        peeringDBFacilityId,
                        ConnectionState.Active)
                .list();
    }

    /**
     * Claims connections whose next step is due: locked for this transaction, skipping those another
     * instance holds, so no two instances advance the same connection.
     */
    @SuppressWarnings("unchecked")
    public List<ConnectionEntity> claimDue(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from peering_connection where next_step_at <= ?1 order by next_step_at limit ?2"
                                + " for update skip locked",
                        ConnectionEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
