package dev.peering.connection.domain;

import java.util.Optional;

/** The state of one BGP session (IPv4 or IPv6), as the ARM API spells it. */
public enum SessionState {
    None,
    Idle,
    Connect,
    Active,
    OpenSent,
    OpenConfirm,
    OpenReceived,
    Established,
    PendingAdd,
    PendingUpdate,
    PendingRemove;

    /**
     * The next state of the simulated BGP finite-state machine once the connection is Active:
     * PendingAdd, Idle, Connect, OpenSent, OpenConfirm, Established. No router is behind it; the
     * sequence is the one RFC 4271 names for a session that comes up at the first attempt.
     */
    public Optional<SessionState> nextSimulated() {
        return switch (this) {
            case PendingAdd -> Optional.of(Idle);
            case Idle -> Optional.of(Connect);
            case Connect, Active -> Optional.of(OpenSent);
            case OpenSent -> Optional.of(OpenConfirm);
            case OpenConfirm, OpenReceived -> Optional.of(Established);
            default -> Optional.empty();
        };
    }

    /** Whether the simulation still has a step to take for a session in this state. */
    public boolean isComingUp() {
        return nextSimulated().isPresent();
    }
}
