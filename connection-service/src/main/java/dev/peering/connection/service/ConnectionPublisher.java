package dev.peering.connection.service;

import dev.peering.connection.domain.SessionState;
import dev.peering.connection.mapping.ConnectionEventMapper;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.events.ConnectionEvent;
import dev.peering.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only writer to the outbox: each connection change becomes one event on the connection topic,
 * in the transaction of the change. Record key: the peering's id, so a peering's events stay in order.
 * With each event goes the connection's snapshot for the compacted state topic, or its tombstone when it
 * is removed (ADR 0022).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ConnectionPublisher {

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "peering.state-topics.connections")
    String stateTopic;

    /** connectionState changed from {@code previous} (null for a new connection). */
    public void stateChanged(ConnectionEntity e, String previous, String reason, OffsetDateTime at) {
        publish(e, ConnectionEvent.STATE_CHANGED, ConnectionEventMapper.toEvent(e, previous, null, null, reason, at));
    }

    /** A BGP session state changed; a null previous state means that family did not change. */
    public void sessionChanged(
            ConnectionEntity e, SessionState previousV4, SessionState previousV6, String reason, OffsetDateTime at) {
        publish(
                e,
                ConnectionEvent.SESSION_STATE_CHANGED,
                ConnectionEventMapper.toEvent(
                        e,
                        e.connectionState.name(),
                        previousV4 == null ? null : previousV4.name(),
                        previousV6 == null ? null : previousV6.name(),
                        reason,
                        at));
    }

    /** The connection is gone; the event carries its last states. */
    public void removed(ConnectionEntity e, String reason, OffsetDateTime at) {
        publish(
                e,
                ConnectionEvent.REMOVED,
                ConnectionEventMapper.toEvent(
                        e, e.connectionState.name(), e.sessionStateV4.name(), e.sessionStateV6.name(), reason, at));
    }

    private void publish(ConnectionEntity e, String type, ConnectionEvent data) {
        String id = e.resourceId();
        outbox.publish(e.peeringId, type, id, e.subscriptionId, e.correlationId, data);
        // the state topic is keyed by the connection, not the peering: compaction keeps one record per connection
        if (ConnectionEvent.REMOVED.equals(type)) {
            outbox.tombstone(stateTopic, id);
        } else {
            outbox.snapshot(
                    stateTopic,
                    ConnectionEvent.STATE,
                    id,
                    e.subscriptionId,
                    e.correlationId,
                    ConnectionEventMapper.toEvent(e, null, null, null, null, data.changedAt()));
        }
    }
}
