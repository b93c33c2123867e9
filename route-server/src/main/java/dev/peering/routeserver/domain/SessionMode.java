package dev.peering.routeserver.domain;

/** Whether the route server opens the TCP connection of a session or only waits for the peer's. */
public enum SessionMode {
    ACTIVE,
    PASSIVE
}
