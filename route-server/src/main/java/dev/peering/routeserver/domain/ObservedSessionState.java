package dev.peering.routeserver.domain;

/**
 * A BGP session state as the router reports it, in the ARM API's spelling ({@code sessionStateV4}); the
 * names are those of connection-service's {@code SessionState}, so {@code SessionState.valueOf(name())}
 * maps one to the other. The ARM API has no "down": a session the router holds down is {@code Idle}, and
 * the router's last error says why.
 */
public enum ObservedSessionState {
    Idle,
    Connect,
    Active,
    OpenSent,
    OpenConfirm,
    Established
}
