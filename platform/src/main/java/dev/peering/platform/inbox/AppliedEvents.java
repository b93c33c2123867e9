package dev.peering.platform.inbox;

import dev.peering.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;

/** The idempotent-consumer log: which event ids each consumer has applied. */
@ApplicationScoped
public class AppliedEvents {

    @Inject
    EntityManager em;

    /**
     * In one transaction: records that {@code consumer} applied {@code event} and applies it, or does
     * nothing when it was applied before.
     *
     * @return whether the event was applied now
     */
    @Transactional
    public boolean applyOnce(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        int inserted = em.createNativeQuery(
                        "insert into consumed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        effect.accept(event);
        return true;
    }

    /** Whether {@code consumer} applied the event with this id. */
    @Transactional
    public boolean wasApplied(String consumer, String eventId) {
        return !em.createNativeQuery("select 1 from consumed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultList()
                .isEmpty();
    }
}
