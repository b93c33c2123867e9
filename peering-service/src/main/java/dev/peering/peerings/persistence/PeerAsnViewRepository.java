package dev.peering.peerings.persistence;

import dev.peering.peerings.domain.PeerAsnStates;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * This service's view of PeerAsns. Besides the rows the peer-ASN topic fills, it holds placeholder rows
 * ({@code validation_state} {@code NotYetKnown}): a peering's creation inserts one for a PeerAsn no event
 * has described yet, so that the creation and the PeerAsn's first event serialise on one row (ADR 0009).
 */
@ApplicationScoped
public class PeerAsnViewRepository implements PanacheRepositoryBase<PeerAsnViewEntity, String> {

    /**
     * The PeerAsn of that ARM id (any case), locked: creating a peering and applying the PeerAsn's
     * decision serialise on this row, so a peering created during the decision never misses it.
     */
    public Optional<PeerAsnViewEntity> findForUpdate(String peerAsnId) {
        return find("peerAsnIdLower = ?1", peerAsnId.toLowerCase(Locale.ROOT))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The number of the PeerAsn of that ARM id (any case), or null while no event has described it. */
    public Long asnOf(String peerAsnId) {
        if (peerAsnId == null) {
            return null;
        }
        return find("peerAsnIdLower = ?1", peerAsnId.toLowerCase(Locale.ROOT))
                .firstResultOptional()
                .map(v -> v.peerAsn)
                .filter(asn -> asn > 0)
                .orElse(null);
    }

    /**
     * Inserts the placeholder row of a PeerAsn unless a row of that id (any case) exists. While the
     * inserting transaction runs, the PeerAsn's event ({@link #upsert}) waits on the new row, and an insert
     * that meets an uncommitted event's row waits for it; either way the two do not overlap.
     */
    public void insertPlaceholder(String peerAsnId, String subscriptionId, String name, OffsetDateTime now) {
        getEntityManager()
                .createNativeQuery("insert into peer_asn_view (peer_asn_id, peer_asn_id_lower, subscription_id, name,"
                        + " peer_asn, validation_state, error_message, updated_at)"
                        + " values (?1, ?2, ?3, ?4, 0, ?5, null, ?6) on conflict do nothing")
                .setParameter(1, peerAsnId)
                .setParameter(2, peerAsnId.toLowerCase(Locale.ROOT))
                .setParameter(3, subscriptionId)
                .setParameter(4, name)
                .setParameter(5, PeerAsnStates.NOT_YET_KNOWN)
                .setParameter(6, now)
                .executeUpdate();
    }

    /**
     * The PeerAsn as its event describes it, in one statement that takes the row's lock: a new row, or the
     * existing one (a placeholder included) overwritten, its id re-spelt as the event spells it.
     */
    public void upsert(
            String peerAsnId,
            String subscriptionId,
            String name,
            long peerAsn,
            String validationState,
            String errorMessage,
            OffsetDateTime now) {
        getEntityManager()
                .createNativeQuery("insert into peer_asn_view (peer_asn_id, peer_asn_id_lower, subscription_id, name,"
                        + " peer_asn, validation_state, error_message, updated_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        + " on conflict (peer_asn_id_lower) do update set peer_asn_id = excluded.peer_asn_id,"
                        + " subscription_id = excluded.subscription_id, name = excluded.name,"
                        + " peer_asn = excluded.peer_asn, validation_state = excluded.validation_state,"
                        + " error_message = excluded.error_message, updated_at = excluded.updated_at")
                .setParameter(1, peerAsnId)
                .setParameter(2, peerAsnId.toLowerCase(Locale.ROOT))
                .setParameter(3, subscriptionId)
                .setParameter(4, name)
                .setParameter(5, peerAsn)
                .setParameter(6, validationState)
                .setParameter(7, errorMessage)
                .setParameter(8, now)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code limit} placeholders older than {@code before} that no peering waits on. Rows a
     * creation or an event holds are skipped, not waited for.
     */
    public int deleteUnusedPlaceholders(OffsetDateTime before, int limit) {
        return getEntityManager()
                .createNativeQuery("delete from peer_asn_view where peer_asn_id in (select v.peer_asn_id"
                        + " from peer_asn_view v where v.validation_state = ?1 and v.updated_at < ?2"
                        + " and not exists (select 1 from peering p where p.waiting_on_peer_asn"
                        + " and lower(p.peer_asn_id) = v.peer_asn_id_lower)"
                        + " limit ?3 for update skip locked)")
                .setParameter(1, PeerAsnStates.NOT_YET_KNOWN)
                .setParameter(2, before)
                .setParameter(3, limit)
                .executeUpdate();
    }
}
