package dev.peering.connection.service;

import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.SessionState;
import dev.peering.connection.mapping.RouteServerMapper;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.connection.persistence.PeeringViewRepository;
import dev.peering.platform.time.TimeSource;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bird adapter's two transactions (ADR 0014): which connections are sessions on the route server, and
 * the session states the router reports, written to those connections with a {@code sessionStateChanged}
 * event only when the ARM state really changes.
 */
@ApplicationScoped
@Transactional
public class RouteServerView {

    /** A live connection as a session of the route server; {@code session} has no MD5 key yet. */
    public record Planned(String connectionRowId, String connectionId, PeerSession session, boolean md5Configured) {}

    @Inject
    ConnectionRepository connections;

    @Inject
    PeeringViewRepository peerings;

    @Inject
    ConnectionPublisher publisher;

    @Inject
    TimeSource time;

    /** The Active connections at {@code facility} with a live session on the route server's addresses. */
    public List<Planned> plan(int facility, String routeServerV4, String routeServerV6) {
        List<Planned> planned = new ArrayList<>();
        for (ConnectionEntity e : connections.activeAtFacility(facility)) {
            PeeringViewEntity p = peerings.findById(e.peeringId);
            if (p == null) {
                continue;
            }
            RouteServerMapper.toSession(e, p, routeServerV4, routeServerV6)
                    .ifPresent(s -> planned.add(new Planned(e.id, e.resourceId(), s, e.md5Configured)));
        }
        return planned;
    }

    /**
     * Writes what the router says: {@code rowIds} maps session names to the connections of the applied
     * plan. A session being added or removed in this service (None, PendingRemove) is left alone.
     *
     * @return how many session states changed
     */
    public int observe(Map<String, String> rowIds, List<SessionStatus> statuses) {
        int changed = 0;
        for (SessionStatus status : statuses) {
            Optional<String> rowId = status.session().map(rowIds::get);
            if (rowId.isEmpty() || status.family().isEmpty()) {
                continue;
            }
            ConnectionEntity e = connections.findById(rowId.get(), LockModeType.PESSIMISTIC_WRITE);
            if (e == null || e.decommissioning || e.connectionState != ConnectionState.Active) {
                continue;
            }
            if (observe(e, status.family().get(), status)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean observe(ConnectionEntity e, Cidr.Family family, SessionStatus status) {
        boolean v4 = family == Cidr.Family.IPV4;
        SessionState current = v4 ? e.sessionStateV4 : e.sessionStateV6;
        SessionState next = SessionState.valueOf(status.state().name());
        if (current == next || current == SessionState.None || current == SessionState.PendingRemove) {
            return false;
        }
        OffsetDateTime now = time.now();
        if (v4) {
            e.sessionStateV4 = next;
        } else {
            e.sessionStateV6 = next;
        }
        e.updatedAt = now;
        publisher.sessionChanged(
                e, v4 ? current : null, v4 ? null : current, reason(v4 ? "IPv4" : "IPv6", current, next, status), now);
        return true;
    }

    /** The event's reason: the router's words, and its last error when the session went down. */
    static String reason(String family, SessionState previous, SessionState next, SessionStatus status) {
        String router = "route server: " + status.routerState() + " since " + status.since();
        if (rank(next) < rank(previous)) {
            return family + " session dropped to " + next + " (" + router + ")"
                    + status.lastError().map(error -> ": " + error).orElse("");
        }
        return family + " session " + next + " (" + router + ")";
    }

    // How far up a session is; PendingAdd and PendingUpdate are below every BGP state.
    private static int rank(SessionState s) {
        return switch (s) {
            case Established -> 5;
            case OpenConfirm, OpenReceived -> 4;
            case OpenSent -> 3;
            case Connect, Active -> 2;
            case Idle -> 1;
            default -> 0;
        };
    }
}
