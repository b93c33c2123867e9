package dev.peering.connection.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The connectionState of a connection, as the exchange walkthrough names them, and the one table of
 * transitions between them.
 */
public enum ConnectionState {
    PendingApproval,
    Approved,
    ProvisioningStarted,
    ProvisioningCompleted,
    Validating,
    Active,
    ProvisioningFailed,
    ExternalBlocker,
    TypeChangeRequested,
    TypeChangeInProgress;

    /** The states in which work is under way: a failure or an outside blocker can interrupt them. */
    public static final Set<ConnectionState> IN_PROGRESS = EnumSet.of(
            PendingApproval,
            Approved,
            ProvisioningStarted,
            ProvisioningCompleted,
            Validating,
            TypeChangeRequested,
            TypeChangeInProgress);

    // ExternalBlocker may move to any in-progress state, but only to the one it blocked: the state
    // machine checks that against previousConnectionProvisioningState.
    private static final Map<ConnectionState, Set<ConnectionState>> ALLOWED = Map.of(
            PendingApproval, EnumSet.of(Approved, ProvisioningFailed, ExternalBlocker),
            Approved, EnumSet.of(ProvisioningStarted, ProvisioningFailed, ExternalBlocker),
            ProvisioningStarted, EnumSet.of(ProvisioningCompleted, ProvisioningFailed, ExternalBlocker),
            ProvisioningCompleted, EnumSet.of(Validating, ProvisioningFailed, ExternalBlocker),
            Validating, EnumSet.of(Active, ProvisioningFailed, ExternalBlocker),
            Active, EnumSet.of(TypeChangeRequested),
            ProvisioningFailed, EnumSet.of(ProvisioningStarted),
            ExternalBlocker, EnumSet.copyOf(IN_PROGRESS),
            TypeChangeRequested, EnumSet.of(TypeChangeInProgress, ProvisioningFailed, ExternalBlocker),
            TypeChangeInProgress, EnumSet.of(Active, ProvisioningFailed, ExternalBlocker));

    public boolean canMoveTo(ConnectionState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The states this one may move to, for error messages. */
    public Set<ConnectionState> next() {
        return ALLOWED.get(this);
    }
}
