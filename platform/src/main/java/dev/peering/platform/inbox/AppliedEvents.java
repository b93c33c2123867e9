package dev.peering.platform.inbox;

import dev.peering.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.Session;

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

    /**
     * In one transaction: records the ids of {@code events} that {@code consumer} has not applied yet, in
     * one statement, and applies those events in the given order, each once (an id twice in the list is
     * applied at its first place). Any failure rolls back all of it.
     *
     * @return the events applied now, in order; the others were duplicates
     */
    @Transactional
    public List<CloudEvent> applyAllOnce(String consumer, List<CloudEvent> events, Consumer<CloudEvent> effect) {
        Set<String> fresh = recordNew(
                consumer, events.stream().map(CloudEvent::id).distinct().toArray(String[]::new));
        List<CloudEvent> appliedNow = new ArrayList<>();
        for (CloudEvent event : events) {
            if (fresh.remove(event.id())) {
                effect.accept(event);
                // Each event sees the database as its own transaction would: handlers mix native upserts
                // with entity reads, and an entity another event of this batch left in the persistence
                // context would be read stale.
                em.flush();
                em.clear();
                appliedNow.add(event);
            }
        }
        return appliedNow;
    }

    /** Inserts the ids not recorded yet for {@code consumer}, and returns those. */
    private Set<String> recordNew(String consumer, String[] eventIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into consumed_event (consumer, event_id) select ?, unnest(?)"
                            + " on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("varchar", eventIds));
                Set<String> inserted = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
                return inserted;
            }
        });
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
