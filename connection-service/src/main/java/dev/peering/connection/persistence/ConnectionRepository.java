package dev.peering.connection.persistence;

import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.SessionAddresses;
import dev.peering.connection.domain.SessionState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    /**
     * The peer addresses of the other live connections at a facility (not failed, not being removed), for the
     * duplicate-address check; the other fields are left out. A projection, not entities: Validating runs in a
     * step pass that may hold many connections, and every entity loaded here would stay in the persistence
     * context and be dirty-checked at each later flush of the pass.
     */
    public List<SessionAddresses> peerAddressesLiveAtFacility(int peeringDBFacilityId, String exceptId) {
        return getEntityManager()
                .createQuery(
                        "select c.id, c.peerSessionIPv4Address, c.peerSessionIPv6Address from ConnectionEntity c"
                                + " where c.peeringDBFacilityId = ?1 and c.id <> ?2 and c.decommissioning = false"
                                + " and c.connectionState <> ?3",
                        Object[].class)
                .setParameter(1, peeringDBFacilityId)
                .setParameter(2, exceptId)
                .setParameter(3, ConnectionState.ProvisioningFailed)
                .getResultStream()
                .map(row -> new SessionAddresses(
                        (String) row[0], null, null, null, null, (String) row[1], (String) row[2], null, null))
                .toList();
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

    /** Rows of (connection state, how many connections are in it): one aggregate query, for a gauge. */
    public List<Object[]> countByState() {
        return getEntityManager()
                .createQuery(
                        "select e.connectionState, count(e) from ConnectionEntity e group by e.connectionState",
                        Object[].class)
                .getResultList();
    }

    /** Rows of (family, session state, how many sessions are in it), sessions that exist only. */
    public List<Object[]> countSessionsByState() {
        List<Object[]> rows = new ArrayList<>();
        for (String family : List.of("V4", "V6")) {
            for (Object[] row : getEntityManager()
                    .createQuery(
                            "select e.sessionState" + family + ", count(e) from ConnectionEntity e where e.sessionState"
                                    + family + " <> ?1 group by e.sessionState" + family,
                            Object[].class)
                    .setParameter(1, SessionState.None)
                    .getResultList()) {
                rows.add(new Object[] {"ipv" + family.substring(1), row[0], row[1]});
            }
        }
        return rows;
    }

    /** Rows of (connection state, the earliest last change of a connection in it), every state but Active. */
    public List<Object[]> oldestChangeByState() {
        return getEntityManager()
                .createQuery(
                        "select e.connectionState, min(e.updatedAt) from ConnectionEntity e where e.connectionState"
                                + " <> ?1 group by e.connectionState",
                        Object[].class)
                .setParameter(1, ConnectionState.Active)
                .getResultList();
    }
}
