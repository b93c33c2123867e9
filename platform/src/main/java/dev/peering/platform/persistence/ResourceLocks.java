package dev.peering.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Locale;

/**
 * Serialises the writers of one resource, including one that does not exist yet, for the rest of the
 * current transaction. A row lock cannot do that for a creation (there is no row to lock), so two PUTs of
 * one new name used to race: both found nothing, one inserted, and the other was refused with 409
 * {@code ConcurrentModification} (or found the first one's row half-way and refused it as a conflict with
 * itself). With this lock taken first, the second PUT waits for the first to commit and then updates what
 * it created, as a PUT of an existing resource does (200). Clients that retry a PUT whose answer they lost
 * therefore never see a conflict with their own earlier attempt.
 *
 * <p>A PostgreSQL transaction-scoped advisory lock on (a constant naming these locks, a hash of the
 * resource id, case-insensitive as ARM ids are). Two ids with the same hash only wait for each other; the
 * two-key form never meets the single-key advisory locks (the outbox relay's).
 */
@ApplicationScoped
public class ResourceLocks {

    /** The first key of these locks: "PUT" in ASCII. */
    static final int NAMESPACE = 0x505554;

    @Inject
    EntityManager em;

    /** Takes the lock on {@code resourceId}, waiting for a transaction that holds it to end. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String resourceId) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))::text")
                .setParameter(1, NAMESPACE)
                .setParameter(2, resourceId.toLowerCase(Locale.ROOT))
                .getSingleResult();
    }
}
