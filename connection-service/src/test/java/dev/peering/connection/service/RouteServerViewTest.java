package dev.peering.connection.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.connection.domain.SessionState;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.ObservedSessionState;
import dev.peering.routeserver.domain.SessionStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reason of a sessionStateChanged event the route server caused: BIRD's last error only on a drop. */
class RouteServerViewTest {

    private static SessionStatus status(ObservedSessionState state, String routerState, String error) {
        return new SessionStatus(
                "s_v4",
                Optional.of("s"),
                Optional.of(Cidr.Family.IPV4),
                state,
                routerState,
                "2026-12-01 21:41:08.207",
                Optional.ofNullable(error),
                Optional.empty());
    }

    @Test
    void aDropCarriesTheRoutersLastError() {
        assertEquals(
                "IPv4 session dropped to Idle (route server: start/Idle since 2026-12-01 21:41:08.207): Automatic"
                        + " shutdown: Route limit exceeded",
                RouteServerView.reason(
                        "IPv4",
                        SessionState.Established,
                        SessionState.Idle,
                        status(ObservedSessionState.Idle, "start/Idle", "Automatic shutdown: Route limit exceeded")));
    }

    @Test
    void aRiseDoesNotRepeatAnOldError() {
        // BIRD keeps the last error after the session recovers: it is no reason for a rise
        assertEquals(
                "IPv4 session OpenConfirm (route server: start/OpenConfirm since 2026-12-01 21:41:08.207)",
                RouteServerView.reason(
                        "IPv4",
                        SessionState.Connect,
                        SessionState.OpenConfirm,
                        status(ObservedSessionState.OpenConfirm, "start/OpenConfirm", "Socket: Connection refused")));
        assertEquals(
                "IPv4 session Idle (route server: start/Idle since 2026-12-01 21:41:08.207)",
                RouteServerView.reason(
                        "IPv4",
                        SessionState.PendingAdd,
                        SessionState.Idle,
                        status(ObservedSessionState.Idle, "start/Idle", "Socket: Connection refused")));
    }
}
