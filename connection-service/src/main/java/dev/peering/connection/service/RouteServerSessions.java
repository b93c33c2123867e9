package dev.peering.connection.service;

import dev.peering.connection.domain.SessionFamily;
import dev.peering.connection.domain.SessionState;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.platform.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/**
 * The bird session provisioner (ADR 0014): a session comes up when the route server says so
 * ({@link RouteServerSync} reads it), so the schedule has nothing to step but removals. A removed session
 * leaves the route server's configuration at the next sync, which the other sessions do not notice.
 */
@ApplicationScoped
@Typed(RouteServerSessions.class)
@Transactional(Transactional.TxType.MANDATORY)
public class RouteServerSessions implements SessionProvisioner {

    @Inject
    ConnectionTransitions transitions;

    @Inject
    TimeSource time;

    @Override
    public boolean hasSessionStep(ConnectionEntity e) {
        return e.sessionStateV4 == SessionState.PendingRemove || e.sessionStateV6 == SessionState.PendingRemove;
    }

    @Override
    public void stepSessions(ConnectionEntity e) {
        OffsetDateTime now = time.now();
        if (e.sessionStateV4 == SessionState.PendingRemove) {
            transitions.removeSession(e, SessionFamily.IPv4, "IPv4 session removed from the route server");
        }
        if (e.sessionStateV6 == SessionState.PendingRemove) {
            transitions.removeSession(e, SessionFamily.IPv6, "IPv6 session removed from the route server");
        }
        e.updatedAt = now;
        transitions.schedule(e, now);
    }
}
