package dev.peering.connection.domain;

/** What the peering operator can do to a connection; each one is a transition of the state machine. */
public enum OperatorAction {
    APPROVE(ConnectionState.Approved, "approved by the peering operator"),
    FAIL(ConnectionState.ProvisioningFailed, "failed by the peering operator"),
    RETRY(ConnectionState.ProvisioningStarted, "provisioning retried by the peering operator"),
    BLOCK(ConnectionState.ExternalBlocker, "blocked by the peering operator"),
    /** Returns to the state the blocker interrupted, so its target is the connection's own. */
    UNBLOCK(null, "unblocked by the peering operator"),
    ACTIVATE(ConnectionState.Active, "activated by the peering operator"),
    REQUEST_TYPE_CHANGE(ConnectionState.TypeChangeRequested, "type change requested by the peering operator");

    private final ConnectionState target;
    private final String reason;

    OperatorAction(ConnectionState target, String reason) {
        this.target = target;
        this.reason = reason;
    }

    public ConnectionState target() {
        return target;
    }

    public String reason() {
        return reason;
    }
}
