package dev.peering.faultsuite.drive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.faultsuite.check.ExpectedEvents;
import dev.peering.faultsuite.drive.Steps.StepFailed;
import java.util.Optional;
import java.util.Set;

/**
 * What the peering operator does in some workflows while the faults strike: decide the PeerAsn, block and
 * unblock the connection, fail and retry it. Each action may come too late (the scheduler or the provisioner
 * got there first) or lose its answer; the resource read back afterwards says what happened, and the ledger
 * expects exactly the events of that.
 */
final class OperatorActions {

    /** The states in which the operator fails a connection after it was provisioned a little. */
    private static final Set<String> PROVISIONED_A_LITTLE = Set.of("ProvisioningCompleted", "Validating", "Active");

    private final Steps steps;
    private final Ledger ledger;
    private final String peeringPath;
    private final String connectionIdentifier;

    OperatorActions(Steps steps, Ledger ledger, String peeringPath, String connectionIdentifier) {
        this.steps = steps;
        this.ledger = ledger;
        this.peeringPath = peeringPath;
        this.connectionIdentifier = connectionIdentifier;
    }

    /**
     * The operator approves or rejects the PeerAsn ({@code action}) while the scheduler may decide it at the
     * same moment, on another instance: whoever comes second is refused with 409, and the PeerAsn is decided
     * once. Returns the validation state it was decided with, read back when this action was refused.
     */
    String decide(String peerAsnUrl, String action, String body) throws InterruptedException {
        Arm.Attempts attempts =
                steps.arm().attempts("POST", peerAsnUrl + "/" + action, body, reply -> false, steps.deadline());
        Optional<Arm.Reply> reply = attempts.last();
        if (reply.isEmpty() || reply.get().status() >= 500) {
            throw new StepFailed(
                    "POST " + action + " got " + reply.map(Arm.Reply::describe).orElse("no answer"));
        }
        if (reply.get().ok()) {
            ledger.acknowledged();
            ledger.operatorDecision(action + ": decided by the operator");
            return reply.get().body().path("properties").path("validationState").asText();
        }
        if (reply.get().status() != 409 || !reply.get().errorCode().equals("InvalidValidationStateTransition")) {
            throw new StepFailed("POST " + action + " refused: " + reply.get().describe());
        }
        // Decided before: by the scheduler, or by an attempt of ours whose answer was lost.
        String state = steps.await(
                        peerAsnUrl,
                        peerAsn -> {
                            String s = validationState(peerAsn);
                            return !s.equals("Pending") && !s.equals("None");
                        },
                        "decided")
                .path("properties")
                .path("validationState")
                .asText();
        ledger.operatorDecision(action + ": refused (409), already " + state
                + (attempts.unanswered() > 0 ? " after a lost answer" : ""));
        return state;
    }

    private static String validationState(JsonNode peerAsn) {
        return peerAsn.path("properties").path("validationState").asText();
    }

    /**
     * The operator blocks the connection as soon as it exists, then unblocks it: it returns to the state it
     * blocked and provisioning goes on from there. The provisioner may have made it Active first (a fault
     * delayed the block): then the block is refused with 409 and nothing more happens. Only this workflow
     * unblocks, so the connection read back after the block says whether it is blocked, and in which state,
     * whatever answers were lost on the way.
     */
    void blockAndUnblock(String connectionUrl) throws InterruptedException {
        steps.awaitThere(connectionUrl);
        steps.sendOrRefused("POST block", connectionUrl + "/block", "{\"reason\":\"The fault suite blocks it.\"}");
        JsonNode connection = steps.awaitThere(connectionUrl);
        String state = connection.path("connectionState").asText();
        if (!state.equals("ExternalBlocker")) {
            ledger.operatorDecision("block: refused (409), already " + state);
            return;
        }
        ledger.acknowledged();
        String blocked = connection.path("previousConnectionProvisioningState").asText();
        ledger.expected().connectionBlocked(peeringPath, connectionIdentifier, blocked);
        ledger.operatorDecision("block: blocked in " + blocked);
        // A second unblock, after one whose answer was lost, finds the connection moved on: 409.
        steps.send("POST unblock", "POST", connectionUrl + "/unblock", null, r -> false, Steps::refusedTransition);
    }

    /**
     * The operator fails the connection, then retries it. {@code early}: as soon as it exists (mostly in
     * PendingApproval, so the retry skips the approval); otherwise once it is ProvisioningCompleted or later
     * (so the retry repeats steps it took before). The provisioner may have made it Active first: then the
     * failure is refused with 409 and nothing more happens.
     *
     * <p>Nothing but a retry moves a failed connection, and only this workflow retries, so the connection read
     * back after the failure says whether it failed and which state the failure interrupted ({@code
     * previousConnectionProvisioningState}), whatever answers were lost on the way: the ledger expects exactly
     * the transitions that follow from it. A second retry, after one whose answer was lost, is refused: 409.
     */
    void failAndRetry(String connectionUrl, boolean early) throws InterruptedException {
        if (early) {
            steps.awaitThere(connectionUrl);
        } else {
            steps.await(
                    connectionUrl,
                    c -> PROVISIONED_A_LITTLE.contains(c.path("connectionState").asText()),
                    "ProvisioningCompleted or later");
        }
        steps.sendOrRefused(
                "POST fail",
                connectionUrl + "/fail",
                "{\"reason\":\"The fault suite fails it: send a new letter of authorization.\"}");
        JsonNode connection = steps.awaitThere(connectionUrl);
        String state = connection.path("connectionState").asText();
        if (!state.equals("ProvisioningFailed")) {
            ledger.operatorDecision("fail: refused (409), already " + state);
            return;
        }
        ledger.acknowledged();
        String failedIn = connection.path("previousConnectionProvisioningState").asText();
        if (!ExpectedEvents.CONNECTION_PATH
                .subList(0, ExpectedEvents.CONNECTION_PATH.size() - 1)
                .contains(failedIn)) {
            throw new StepFailed(connectionUrl + " failed, but not in a provisioning state of its path: "
                    + connection.path("previousConnectionProvisioningState"));
        }
        ledger.expected().connectionFailed(peeringPath, connectionIdentifier, failedIn);
        ledger.operatorDecision("fail: failed in " + failedIn);
        steps.send("POST retry", "POST", connectionUrl + "/retry", null, r -> false, Steps::refusedTransition);
        ledger.expected().connectionRetried(peeringPath, connectionIdentifier);
    }
}
