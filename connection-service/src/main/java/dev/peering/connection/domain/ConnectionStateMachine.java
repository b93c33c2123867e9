package dev.peering.connection.domain;

import dev.peering.core.ArmException;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The one method that changes a connection's state: it checks the transition against {@link
 * ConnectionState}'s table and returns what the connection becomes. The provisioner and the operator
 * both call it, so a simulated step and a manual one obey the same rules.
 */
public final class ConnectionStateMachine {

    /** The error code of a refused transition. */
    public static final String INVALID_TRANSITION = "InvalidConnectionStateTransition";

    private ConnectionStateMachine() {}

    /** Where a connection stands before a transition. */
    public record Current(
            String connectionIdentifier,
            ConnectionState state,
            ConnectionState blockedState,
            OffsetDateTime lastFailureTimeUtc) {}

    /**
     * Moves {@code current} to {@code target}.
     *
     * @param reason why, as the event tells it (required)
     * @param errorMessage what to fix; required when {@code target} is ProvisioningFailed
     * @throws ArmException 409 {@value #INVALID_TRANSITION} when the table does not allow it
     */
    public static Transition apply(
            Current current, ConnectionState target, String reason, String errorMessage, OffsetDateTime at) {
        Objects.requireNonNull(reason, "reason");
        ConnectionState from = current.state();
        if (!from.canMoveTo(target)) {
            throw refused(current, target, "it can move to " + from.next() + " only");
        }
        if (from == ConnectionState.ExternalBlocker && target != current.blockedState()) {
            throw refused(
                    current, target, "an external blocker returns to the state it blocked, " + current.blockedState());
        }
        return switch (target) {
            case ProvisioningFailed -> {
                if (errorMessage == null || errorMessage.isBlank()) {
                    throw new IllegalArgumentException("a failure needs an errorMessage that says what to fix");
                }
                // the state the failure interrupted, for the operator (and a reader of the connection) to see
                yield new Transition(from, target, reason, errorMessage, from, at, at);
            }
            case ExternalBlocker -> new Transition(from, target, reason, null, from, current.lastFailureTimeUtc(), at);
            default -> new Transition(from, target, reason, null, null, current.lastFailureTimeUtc(), at);
        };
    }

    private static ArmException refused(Current current, ConnectionState target, String why) {
        return ArmException.conflict(
                INVALID_TRANSITION,
                "Connection '" + current.connectionIdentifier() + "' is " + current.state() + " and cannot move to "
                        + target + ": " + why + ".");
    }
}
