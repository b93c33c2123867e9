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
 * The simulated BGP finite-state machine (ADR 0004), the default session provisioner: no router speaks
 * BGP; each step moves each coming-up family one state on, and the events say "simulated".
 */
@ApplicationScoped
@Typed(SimulatedSessions.class)
@Transactional(Transactional.TxType.MANDATORY)
public class SimulatedSessions implements SessionProvisioner {

    @Inject
    ConnectionTransitions transitions;

    @Inject
    ConnectionPublisher publisher;

    @Inject
    TimeSource time;

    @Override
    public boolean hasSessionStep(ConnectionEntity e) {
        return e.sessionStateV4.isComingUp()
                || e.sessionStateV6.isComingUp()
                || e.sessionStateV4 == SessionState.PendingRemove
                || e.sessionStateV6 == SessionState.PendingRemove;
    }

    @Override
    public void stepSessions(ConnectionEntity e) {
        OffsetDateTime now = time.now();
        SessionState v4 = e.sessionStateV4;
        if (v4 == SessionState.PendingRemove) {
            transitions.removeSession(e, SessionFamily.IPv4, "IPv4 session removed (simulated)");
        } else if (v4.isComingUp()) {
            e.sessionStateV4 = v4.nextSimulated().orElseThrow();
            publisher.sessionChanged(e, v4, null, "IPv4 session " + e.sessionStateV4 + " (simulated BGP)", now);
        }
        SessionState v6 = e.sessionStateV6;
        if (v6 == SessionState.PendingRemove) {
            transitions.removeSession(e, SessionFamily.IPv6, "IPv6 session removed (simulated)");
        } else if (v6.isComingUp()) {
            e.sessionStateV6 = v6.nextSimulated().orElseThrow();
            publisher.sessionChanged(e, null, v6, "IPv6 session " + e.sessionStateV6 + " (simulated BGP)", now);
        }
        e.updatedAt = now;
        transitions.schedule(e, now);
    }
}
