package dev.peering.connection.domain;

import static dev.peering.connection.domain.ConnectionState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.ArmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionStateMachineTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static ConnectionStateMachine.Current at(ConnectionState state) {
        return new ConnectionStateMachine.Current("c1", state, null, null);
    }

    @Test
    void theWalkthroughPathIsAllowedStepByStep() {
        List<ConnectionState> path =
                List.of(PendingApproval, Approved, ProvisioningStarted, ProvisioningCompleted, Validating, Active);
        for (int i = 0; i + 1 < path.size(); i++) {
            Transition t = ConnectionStateMachine.apply(at(path.get(i)), path.get(i + 1), "step", null, NOW);
            assertEquals(path.get(i), t.previous());
            assertEquals(path.get(i + 1), t.next());
            assertEquals("step", t.reason());
            assertEquals(NOW, t.at());
        }
    }

    @Test
    void skippingAStepIsRefusedWithACode() {
        ArmException e = assertThrows(
                ArmException.class, () -> ConnectionStateMachine.apply(at(PendingApproval), Active, "r", null, NOW));
        assertEquals(409, e.status());
        assertEquals(ConnectionStateMachine.INVALID_TRANSITION, e.code());
        assertTrue(e.getMessage().contains("PendingApproval"), e.getMessage());
    }

    @Test
    void activeCannotBeApprovedAgain() {
        assertThrows(ArmException.class, () -> ConnectionStateMachine.apply(at(Active), Approved, "r", null, NOW));
    }

    @Test
    void failureCarriesTheMessageAndTimeAndRetryKeepsTheTime() {
        Transition failed = ConnectionStateMachine.apply(
                at(Validating), ProvisioningFailed, "validation", "peer address outside prefix", NOW);
        assertEquals("peer address outside prefix", failed.errorMessage());
        assertEquals(NOW, failed.lastFailureTimeUtc());
        Transition retried = ConnectionStateMachine.apply(
                new ConnectionStateMachine.Current("c1", ProvisioningFailed, null, NOW),
                ProvisioningStarted,
                "retry",
                null,
                NOW.plusHours(1));
        assertNull(retried.errorMessage());
        assertEquals(NOW, retried.lastFailureTimeUtc());
    }

    @Test
    void failureWithoutAMessageIsAProgrammingError() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ConnectionStateMachine.apply(at(Approved), ProvisioningFailed, "r", " ", NOW));
    }

    @Test
    void aFailureRemembersTheStateItInterruptedAndARetryForgetsIt() {
        for (ConnectionState s :
                List.of(PendingApproval, Approved, ProvisioningStarted, ProvisioningCompleted, Validating)) {
            Transition failed = ConnectionStateMachine.apply(at(s), ProvisioningFailed, "r", "fix it", NOW);
            assertEquals(s, failed.blockedState());
            var current = new ConnectionStateMachine.Current("c1", ProvisioningFailed, s, NOW);
            Transition retried = ConnectionStateMachine.apply(current, ProvisioningStarted, "retried", null, NOW);
            assertNull(retried.blockedState());
            assertEquals(NOW, retried.lastFailureTimeUtc());
        }
    }

    @Test
    void failedCanOnlyBeRetried() {
        assertThrows(
                ArmException.class, () -> ConnectionStateMachine.apply(at(ProvisioningFailed), Active, "r", null, NOW));
        assertThrows(
                ArmException.class,
                () -> ConnectionStateMachine.apply(at(ProvisioningFailed), ExternalBlocker, "r", null, NOW));
    }

    @Test
    void blockRemembersTheStateAndUnblockReturnsOnlyToIt() {
        for (ConnectionState s : ConnectionState.IN_PROGRESS) {
            Transition blocked = ConnectionStateMachine.apply(at(s), ExternalBlocker, "cross-connect", null, NOW);
            assertEquals(s, blocked.blockedState());
            var current = new ConnectionStateMachine.Current("c1", ExternalBlocker, s, null);
            Transition back = ConnectionStateMachine.apply(current, s, "unblocked", null, NOW);
            assertEquals(s, back.next());
            assertNull(back.blockedState());
        }
        var blockedAtApproved = new ConnectionStateMachine.Current("c1", ExternalBlocker, Approved, null);
        assertThrows(
                ArmException.class, () -> ConnectionStateMachine.apply(blockedAtApproved, Validating, "r", null, NOW));
    }

    @Test
    void activeAndFailedCannotBeBlocked() {
        assertThrows(
                ArmException.class, () -> ConnectionStateMachine.apply(at(Active), ExternalBlocker, "r", null, NOW));
    }

    @Test
    void typeChangeGoesBackToActive() {
        Transition requested = ConnectionStateMachine.apply(at(Active), TypeChangeRequested, "r", null, NOW);
        Transition inProgress =
                ConnectionStateMachine.apply(at(requested.next()), TypeChangeInProgress, "r", null, NOW);
        Transition done = ConnectionStateMachine.apply(at(inProgress.next()), Active, "r", null, NOW);
        assertEquals(Active, done.next());
    }

    @Test
    void everyStateHasARowInTheTable() {
        for (ConnectionState s : ConnectionState.values()) {
            assertTrue(s.next() != null, s.name());
        }
    }
}
