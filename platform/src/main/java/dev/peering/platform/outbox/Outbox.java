package dev.peering.platform.outbox;

import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.platform.tracing.Traceparent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Writes events in the caller's transaction, so an event exists exactly when the state change it
 * records was committed. {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    @Inject
    EntityManager em;

    @Inject
    Event<OutboxWritten> written;

    @ConfigProperty(name = "peering.outbox.topic")
    String topic;

    @ConfigProperty(name = "peering.outbox.source")
    String source;

    /**
     * Records an event about {@code subject} (an ARM resource id) to be published with record key
     * {@code key}. The current span's trace context goes with it (the event's {@code traceparent} and the
     * record's header), so consumers continue the trace of the request, event or step that wrote it.
     *
     * @return the event as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(
            String key, String type, String subject, String subscription, String correlationId, Object data) {
        CloudEvent event = write(topic, key, type, subject, subscription, correlationId, data);
        written.fire(new OutboxWritten());
        return event;
    }

    /**
     * Records the latest snapshot of the resource {@code subject} for its compacted state topic (ADR 0022),
     * keyed by {@code subject} so compaction keeps one record per resource. The caller writes it beside the
     * change event of the same transaction, whose commit wakes the relay: a snapshot costs one INSERT and
     * nothing else. Secrets never go into {@code data}, as in every event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent snapshot(
            String stateTopic, String type, String subject, String subscription, String correlationId, Object data) {
        return write(stateTopic, subject, type, subject, subscription, correlationId, data);
    }

    /**
     * Records a tombstone (a null value) for the resource {@code subject} on its compacted state topic: the
     * resource is gone, and compaction removes its snapshots. Like {@link #snapshot}, one INSERT.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tombstone(String stateTopic, String subject) {
        insert(stateTopic, UUID.randomUUID().toString(), subject, null, null, null);
        LOG.debugf("tombstone for %s written to the outbox (%s)", subject, stateTopic);
    }

    private CloudEvent write(
            String topic,
            String key,
            String type,
            String subject,
            String subscription,
            String correlationId,
            Object data) {
        String traceparent = Traceparent.current();
        CloudEvent event = EventJson.newEvent(type, source, subject, correlationId, subscription, traceparent, data);
        insert(topic, event.id(), key, EventJson.write(event), correlationId, traceparent);
        LOG.debugf("%s %s written to the outbox (event %s)", type, subject, event.id());
        return event;
    }

    private void insert(
            String topic, String eventId, String key, String payload, String correlationId, String traceparent) {
        // Plain JDBC on the transaction's own connection: any Hibernate query, even a native one limited to
        // this table's query space, first dirty-checks every entity of the persistence context, so a step
        // pass of N connections paid N x N checks (measured: a third of connection-service's CPU under load).
        // The entities' own changes are still flushed at commit, in the same transaction.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox_event (event_id, topic, record_key, payload, correlation_id, traceparent)"
                            + " values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, eventId);
                insert.setString(2, topic);
                insert.setString(3, key);
                insert.setString(4, payload);
                insert.setString(5, correlationId);
                insert.setString(6, traceparent);
                insert.executeUpdate();
            }
        });
    }

    /** Fired within the writing transaction; the relay wakes when that transaction commits. */
    public record OutboxWritten() {}
}
