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
        String traceparent = Traceparent.current();
        CloudEvent event = EventJson.newEvent(type, source, subject, correlationId, subscription, traceparent, data);
        String payload = EventJson.write(event);
        // Plain JDBC on the transaction's own connection: any Hibernate query, even a native one limited to
        // this table's query space, first dirty-checks every entity of the persistence context, so a step
        // pass of N connections paid N x N checks (measured: a third of connection-service's CPU under load).
        // The entities' own changes are still flushed at commit, in the same transaction.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox_event (event_id, topic, record_key, payload, correlation_id, traceparent)"
                            + " values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, event.id());
                insert.setString(2, topic);
                insert.setString(3, key);
                insert.setString(4, payload);
                insert.setString(5, correlationId);
                insert.setString(6, traceparent);
                insert.executeUpdate();
            }
        });
        LOG.debugf("%s %s written to the outbox (event %s)", type, subject, event.id());
        written.fire(new OutboxWritten());
        return event;
    }

    /** Fired within the writing transaction; the relay wakes when that transaction commits. */
    public record OutboxWritten() {}
}
