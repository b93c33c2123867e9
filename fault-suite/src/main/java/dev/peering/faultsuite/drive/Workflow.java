package dev.peering.faultsuite.drive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.faultsuite.stack.Service;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The seed's story for one exchange operator, through REST only: associate a PeerAsn, create a peering
 * with one connection at once (while the PeerAsn is still Pending), wait for the connection to be
 * Active with both BGP sessions Established, register a customer ASN and read its Prefix Key.
 *
 * <p>Each workflow has its own subscription, ASNs and session address, so workflows never collide.
 */
public final class Workflow {

    /** Peer addresses start above the route servers' and end before the LAN's broadcast address. */
    private static final int FIRST_PEER_HOST = 64;

    /** Two facilities times the hosts of a /22 above {@link #FIRST_PEER_HOST}. */
    public static final int MAX_WORKFLOWS = 2 * (1023 - FIRST_PEER_HOST);

    private static final String RESOURCE_GROUP = "rg-fault";
    private static final Duration POLL = Duration.ofMillis(500);

    private final int index;
    private final Function<Service, String> urls;
    private final Arm arm;
    private final Ledger ledger;
    private final Duration stepTimeout;
    private final String subscription;
    private final String connectionIdentifier;

    public Workflow(
            int index, String runId, Function<Service, String> urls, Arm arm, Ledger ledger, Duration stepTimeout) {
        this.index = index;
        this.urls = urls;
        this.arm = arm;
        this.ledger = ledger;
        this.stepTimeout = stepTimeout;
        this.subscription = "fault-" + runId + "-" + index;
        this.connectionIdentifier =
                UUID.nameUUIDFromBytes((runId + "/" + index).getBytes()).toString();
    }

    /** ASNs in 200000..299999 and 300000..399999 are public (none is reserved, private or documentation). */
    private long peerAsn() {
        return 200_000L + index;
    }

    private long customerAsn() {
        return 300_000L + index;
    }

    private String peerAsnPath() {
        return "/subscriptions/" + subscription + "/providers/Microsoft.Peering/peerAsns/asn" + index;
    }

    private String peeringPath() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + RESOURCE_GROUP
                + "/providers/Microsoft.Peering/peerings/peering" + index;
    }

    private String registeredAsnPath() {
        return peeringPath() + "/registeredAsns/customer" + index;
    }

    public void run() throws InterruptedException {
        ledger.started(index);
        try {
            String peerAsnUrl = urls.apply(Service.ASN) + peerAsnPath();
            Arm.Attempts peerAsn = put(Ack.Kind.PEER_ASN, peerAsnUrl, peerAsnBody(), reply -> false);
            String decided =
                    switch (index % 8) {
                        case 2 -> operatorDecides(peerAsnUrl, "approve", null);
                        case 6 -> operatorDecides(peerAsnUrl, "reject", "{\"reason\":\"The fault suite rejects it.\"}");
                        default -> "Approved";
                    };
            ledger.expected()
                    .peerAsnAcknowledged(
                            peerAsnPath(), peerAsn.last().orElseThrow().status(), peerAsn.unanswered(), decided);
            if (decided.equals("Failed")) {
                ledger.settled(new Ack(Ack.Kind.PEER_ASN_REJECTED, index, peerAsnUrl));
                ledger.finished(index, subscription);
                return;
            }

            String peeringUrl = urls.apply(Service.PEERING) + peeringPath();
            // peering-service learns of the PeerAsn from its event; until then it refuses the name.
            put(
                    Ack.Kind.PEERING,
                    peeringUrl,
                    peeringBody(),
                    reply -> reply.status() == 400
                            && reply.body()
                                    .path("error")
                                    .path("message")
                                    .asText()
                                    .contains("names no PeerAsn"));
            ledger.expected().peeringAcknowledged(peeringPath(), connectionIdentifier);
            String connectionUrl =
                    urls.apply(Service.CONNECTION) + peeringPath() + "/connections/" + connectionIdentifier;
            ledger.acknowledged(new Ack(Ack.Kind.CONNECTION, index, connectionUrl));
            ledger.expected().connectionAcknowledged(peeringPath(), connectionIdentifier);
            if (index % 8 == 4) {
                blockAndUnblock(connectionUrl);
            }
            awaitFinal(Ack.Kind.CONNECTION, connectionUrl);

            String registeredUrl = urls.apply(Service.REGISTRATION) + registeredAsnPath();
            // registration-service learns of the peering and the Active connection from their events.
            put(
                    Ack.Kind.REGISTERED_ASN,
                    registeredUrl,
                    "{\"properties\":{\"asn\":" + customerAsn() + "}}",
                    reply -> reply.errorCode().equals("PeeringNotFound")
                            || reply.errorCode().equals("NoActiveConnection"));
            ledger.expected().registeredAsnAcknowledged(peeringPath(), registeredAsnPath());
            awaitFinal(Ack.Kind.REGISTERED_ASN, registeredUrl);
            switch (index % 4) {
                case 1 -> removeOneByOne(peeringUrl, connectionUrl, registeredUrl);
                case 3 -> deprovision(peeringUrl, connectionUrl, registeredUrl);
                default -> {}
            }
            ledger.finished(index, subscription);
        } catch (StepFailed e) {
            ledger.stuck(index, e.getMessage());
        }
    }

    /**
     * The operator approves or rejects the PeerAsn ({@code action}) while the scheduler may decide it at the
     * same moment, on another instance: whoever comes second is refused with 409, and the PeerAsn is decided
     * once. Returns the validation state it was decided with, read back when this action was refused.
     */
    private String operatorDecides(String peerAsnUrl, String action, String body) throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        Arm.Attempts attempts = arm.attempts("POST", peerAsnUrl + "/" + action, body, reply -> false, deadline);
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
        String state = awaitDecided(peerAsnUrl);
        ledger.operatorDecision(action + ": refused (409), already " + state
                + (attempts.unanswered() > 0 ? " after a lost answer" : ""));
        return state;
    }

    private String awaitDecided(String peerAsnUrl) throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", peerAsnUrl, null);
            if (reply.isPresent() && reply.get().ok()) {
                String state = reply.get()
                        .body()
                        .path("properties")
                        .path("validationState")
                        .asText();
                if (!state.equals("Pending") && !state.equals("None")) {
                    return state;
                }
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        throw new StepFailed(peerAsnUrl + " not decided within " + stepTimeout.toSeconds() + " s");
    }

    /**
     * The operator blocks the connection as soon as it exists, then unblocks it: it returns to the state it
     * blocked and provisioning goes on from there. The provisioner may have made it Active first (a fault
     * delayed the block): then the block is refused with 409 and nothing more happens. Only this workflow
     * unblocks, so the connection read back after the block says whether it is blocked, and in which state,
     * whatever answers were lost on the way.
     */
    private void blockAndUnblock(String connectionUrl) throws InterruptedException {
        awaitConnection(connectionUrl);
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        Arm.Attempts block = arm.attempts(
                "POST",
                connectionUrl + "/block",
                "{\"reason\":\"The fault suite blocks it.\"}",
                reply -> false,
                deadline);
        Optional<Arm.Reply> reply = block.last();
        if (reply.isEmpty() || reply.get().status() >= 500) {
            throw new StepFailed(
                    "POST block got " + reply.map(Arm.Reply::describe).orElse("no answer"));
        }
        if (!reply.get().ok()
                && !(reply.get().status() == 409
                        && reply.get().errorCode().equals("InvalidConnectionStateTransition"))) {
            throw new StepFailed("POST block refused: " + reply.get().describe());
        }
        JsonNode connection = awaitConnection(connectionUrl);
        String state = connection.path("connectionState").asText();
        if (!state.equals("ExternalBlocker")) {
            ledger.operatorDecision("block: refused (409), already " + state);
            return;
        }
        ledger.acknowledged();
        String blocked = connection.path("previousConnectionProvisioningState").asText();
        ledger.expected().connectionBlocked(peeringPath(), connectionIdentifier, blocked);
        ledger.operatorDecision("block: blocked in " + blocked);
        // A second unblock, after one whose answer was lost, finds the connection moved on: 409.
        send(
                "POST unblock",
                "POST",
                connectionUrl + "/unblock",
                null,
                r -> false,
                r -> r.status() == 409 && r.errorCode().equals("InvalidConnectionStateTransition"));
    }

    private JsonNode awaitConnection(String url) throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent() && reply.get().ok()) {
                return reply.get().body();
            }
            last = reply.map(Arm.Reply::describe).orElse("no answer");
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        throw new StepFailed(url + " not there within " + stepTimeout.toSeconds() + " s, last seen: " + last);
    }

    /**
     * The peer deletes its registered ASN, then removes the connection (confirming with {@code yes}); once
     * the peering shows no connection, the operator deprovisions the empty peering, which goes at once.
     */
    private void removeOneByOne(String peeringUrl, String connectionUrl, String registeredUrl)
            throws InterruptedException {
        send("DELETE registered ASN", "DELETE", registeredUrl, null, reply -> false, reply -> false);
        ledger.expected().registeredAsnDeleted(peeringPath(), registeredAsnPath());
        ledger.gone(new Ack(Ack.Kind.GONE, index, registeredUrl));
        awaitGone(registeredUrl);

        send("DELETE connection", "DELETE", connectionUrl + "?confirm=yes", null, reply -> false, reply -> false);
        ledger.expected().connectionRemoved(peeringPath(), connectionIdentifier);
        ledger.gone(new Ack(Ack.Kind.GONE, index, connectionUrl));
        awaitGone(connectionUrl);
        // The peering learns of the removal from the connection's event; deprovisioned before, it would
        // name the connection in its request, and the suite could not tell which request to expect.
        awaitPeering(peeringUrl, peering -> peering.path("properties")
                .path("direct")
                .path("connections")
                .isEmpty());

        send(
                "POST deprovision",
                "POST",
                peeringUrl + "/deprovision",
                null,
                reply -> false,
                reply -> reply.status() == 404);
        ledger.expected().peeringDeprovisioned(peeringPath(), List.of());
        ledger.gone(new Ack(Ack.Kind.GONE, index, peeringUrl));
        awaitGone(peeringUrl);
    }

    /**
     * The operator deprovisions the whole peering: its connection is decommissioned, the registered ASN's
     * Prefix Key revoked, and the peering goes when its last connection is gone.
     */
    private void deprovision(String peeringUrl, String connectionUrl, String registeredUrl)
            throws InterruptedException {
        send(
                "POST deprovision",
                "POST",
                peeringUrl + "/deprovision",
                null,
                reply -> false,
                reply -> reply.status() == 404);
        ledger.expected().peeringDeprovisioned(peeringPath(), List.of(connectionIdentifier));
        ledger.expected().connectionRemoved(peeringPath(), connectionIdentifier);
        ledger.expected().registeredAsnRevoked(peeringPath(), registeredAsnPath());
        ledger.gone(new Ack(Ack.Kind.GONE, index, registeredUrl));
        ledger.gone(new Ack(Ack.Kind.GONE, index, connectionUrl));
        ledger.gone(new Ack(Ack.Kind.GONE, index, peeringUrl));
        awaitGone(connectionUrl);
        awaitGone(registeredUrl);
        awaitGone(peeringUrl);
    }

    /**
     * Sends until an answer is final; a 2xx is success, and so is an answer {@code doneBefore} accepts when an
     * earlier attempt's answer was lost (a 404 for a deletion that one of them already did).
     */
    private Arm.Attempts send(
            String what,
            String method,
            String url,
            String body,
            Predicate<Arm.Reply> retryable,
            Predicate<Arm.Reply> doneBefore)
            throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        Arm.Attempts attempts = arm.attempts(method, url, body, retryable, deadline);
        Optional<Arm.Reply> reply = attempts.last();
        if (reply.isEmpty()) {
            throw new StepFailed(what + " got no answer within " + stepTimeout.toSeconds() + " s");
        }
        if (reply.get().status() >= 500 || retryable.test(reply.get())) {
            throw new StepFailed(what + " still answered " + reply.get().describe());
        }
        boolean done = reply.get().ok() || attempts.unanswered() > 0 && doneBefore.test(reply.get());
        if (!done) {
            throw new StepFailed(what + " refused: " + reply.get().describe());
        }
        ledger.acknowledged();
        return attempts;
    }

    private void awaitGone(String url) throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent() && reply.get().status() == 404) {
                return;
            }
            last = reply.map(Arm.Reply::describe).orElse("no answer");
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        throw new StepFailed(url + " not gone within " + stepTimeout.toSeconds() + " s, last seen: " + last);
    }

    private void awaitPeering(String url, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent()
                    && reply.get().ok()
                    && condition.test(reply.get().body())) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        throw new StepFailed(
                "the peering " + url + " did not reach the awaited state within " + stepTimeout.toSeconds() + " s");
    }

    private Arm.Attempts put(Ack.Kind kind, String url, String body, Predicate<Arm.Reply> refusedForNow)
            throws InterruptedException {
        // A PUT is idempotent: a 409 ConcurrentModification (another writer of the same resource won a race;
        // the answer says "read it again and retry") is tried again, as the answer asks a client to.
        Predicate<Arm.Reply> retryable =
                refusedForNow.or(r -> r.status() == 409 && r.errorCode().equals("ConcurrentModification"));
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        Arm.Attempts attempts = arm.attempts("PUT", url, body, retryable, deadline);
        Optional<Arm.Reply> reply = attempts.last();
        if (reply.isEmpty()) {
            throw new StepFailed("PUT " + kind + " got no answer within " + stepTimeout.toSeconds() + " s");
        }
        if (reply.get().status() >= 500 || retryable.test(reply.get())) {
            throw new StepFailed("PUT " + kind + " still answered "
                    + reply.get().describe() + " after " + stepTimeout.toSeconds() + " s");
        }
        if (!reply.get().ok()) {
            throw new StepFailed("PUT " + kind + " refused: " + reply.get().describe());
        }
        ledger.acknowledged(new Ack(kind, index, url));
        return attempts;
    }

    private void awaitFinal(Ack.Kind kind, String url) throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent() && reply.get().ok()) {
                JsonNode resource = reply.get().body();
                if (kind.isFinal(resource)) {
                    return;
                }
                last = kind.state(resource);
            } else if (reply.isPresent()) {
                last = reply.get().describe();
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        throw new StepFailed(kind + " not final within " + stepTimeout.toSeconds() + " s, last seen: " + last);
    }

    private String peerAsnBody() {
        return """
                {"properties":{"peerAsn":%d,"peerName":"Fault Suite","peerContactDetail":[
                  {"role":"Noc","email":"noc@example.com","phone":"+1 (234) 567-8999"}]}}"""
                .formatted(peerAsn());
    }

    /**
     * IPv4 and IPv6 sessions at one of the two SIX Seattle facilities, which share one peering LAN: a
     * peer address may repeat across facilities but not within one, so every workflow gets its own.
     */
    private String peeringBody() {
        boolean westin = index % 2 == 0;
        int host = FIRST_PEER_HOST + index / 2;
        String peerV4 = "206.81." + (80 + host / 256) + "." + (host % 256);
        String peerV6 = "2001:504:16::" + Integer.toHexString(0x1000 + index);
        return """
                {"sku":{"name":"Premium_Direct_Free"},"kind":"Direct","location":"westus2",
                 "properties":{"direct":{"connections":[
                   {"connectionIdentifier":"%s","peeringDBFacilityId":%d,"bandwidthInMbps":10000,
                    "sessionAddressProvider":"Peer",
                    "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"%s",
                      "peerSessionIPv4Address":"%s","maxPrefixesAdvertisedV4":1000,
                      "sessionPrefixV6":"2001:504:16::/64","microsoftSessionIPv6Address":"%s",
                      "peerSessionIPv6Address":"%s","maxPrefixesAdvertisedV6":100}}],
                   "peerAsn":{"id":"%s"},"directPeeringType":"IxRs"},
                   "peeringLocation":"Seattle"}}"""
                .formatted(
                        connectionIdentifier,
                        westin ? 143 : 9,
                        westin ? "206.81.80.30" : "206.81.80.31",
                        peerV4,
                        westin ? "2001:504:16::1f9b" : "2001:504:16::1f9c",
                        peerV6,
                        peerAsnPath());
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
