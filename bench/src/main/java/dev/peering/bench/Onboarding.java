package dev.peering.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.faultsuite.drive.Arm;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One exchange operator's onboarding through REST only: PUT PeerAsn, PUT a peering with two connections
 * (at once, while the PeerAsn may still be Pending), wait until both connections are Active with IPv4
 * Established, PUT a registered customer ASN and read its Prefix Key. Every wait is bounded by the
 * workflow's deadline; a refusal or a deadline ends the workflow as failed.
 */
public final class Onboarding {

    static final String RESOURCE_GROUP = "rg-bench";
    /**
     * A refusal that a later try may not see (an event still in flight) is tried again after 50 ms, then
     * after twice as long each time up to 1 s, as a polite client would: a fixed short interval would
     * turn a lagging consumer into a storm of refused PUTs that slows the service it waits on.
     */
    private static final long RETRY_MILLIS = 50;

    private static final long MAX_RETRY_MILLIS = 1000;
    /** A connection the topic has not reported yet is checked by GET this often, as a safety net. */
    private static final long FALLBACK_POLL_MILLIS = 5000;

    /** What one workflow did: times in ms from its start, or the step where it stopped. */
    public record Result(
            long startNanos,
            long endNanos,
            boolean ok,
            String failure,
            double peerAsnMs,
            double peeringMs,
            double connectionsMs,
            double registeredMs,
            int retries) {

        public double totalMs() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    public record Urls(String asn, String peering, String connection, String registration) {}

    private final Arm arm;
    private final Urls urls;
    private final EventWatcher watcher;
    private final String subscription;
    private final int index;
    private final AddressPool.Pair slots;
    private int retries;

    public Onboarding(Arm arm, Urls urls, EventWatcher watcher, String runId, int index, AddressPool.Pair slots) {
        this.arm = arm;
        this.urls = urls;
        this.watcher = watcher;
        this.subscription = "bench-" + runId + "-" + index;
        this.index = index;
        this.slots = slots;
    }

    public String subscription() {
        return subscription;
    }

    public String peeringPath() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + RESOURCE_GROUP
                + "/providers/Microsoft.Peering/peerings/peering" + index;
    }

    public String peerAsnPath() {
        return "/subscriptions/" + subscription + "/providers/Microsoft.Peering/peerAsns/asn" + index;
    }

    /** Runs the workflow as if it had started at {@code startNanos} (its scheduled time, for an open loop). */
    public Result run(long startNanos, Duration timeout) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        long t = startNanos;
        double peerAsnMs = 0;
        double peeringMs = 0;
        double connectionsMs = 0;
        try {
            put(urls.asn() + peerAsnPath(), peerAsnBody(), reply -> false, deadline);
            long now = System.nanoTime();
            peerAsnMs = (now - t) / 1e6;
            t = now;
            // Read-your-writes: tried again while peering-service has not heard of the PeerAsn yet.
            put(
                    urls.peering() + peeringPath(),
                    peeringBody(),
                    reply -> reply.status() == 400
                            && reply.body()
                                    .path("error")
                                    .path("message")
                                    .asText()
                                    .contains("names no PeerAsn"),
                    deadline);
            now = System.nanoTime();
            peeringMs = (now - t) / 1e6;
            t = now;
            awaitConnection(connectionId(0), deadline);
            awaitConnection(connectionId(1), deadline);
            now = System.nanoTime();
            connectionsMs = (now - t) / 1e6;
            t = now;
            String registeredUrl = urls.registration() + peeringPath() + "/registeredAsns/customer" + index;
            put(
                    registeredUrl,
                    "{\"properties\":{\"asn\":" + (2_000_000L + index) + "}}",
                    reply -> reply.errorCode().equals("PeeringNotFound")
                            || reply.errorCode().equals("NoActiveConnection"),
                    deadline);
            awaitKey(registeredUrl, deadline);
            long end = System.nanoTime();
            return new Result(
                    startNanos, end, true, null, peerAsnMs, peeringMs, connectionsMs, (end - t) / 1e6, retries);
        } catch (StepFailed e) {
            return new Result(
                    startNanos,
                    System.nanoTime(),
                    false,
                    e.getMessage(),
                    peerAsnMs,
                    peeringMs,
                    connectionsMs,
                    0,
                    retries);
        }
    }

    private String connectionId(int n) {
        return "conn-" + (n == 0 ? "a" : "b");
    }

    private void put(String url, String body, Predicate<Arm.Reply> retryable, long deadline)
            throws InterruptedException {
        long backoff = RETRY_MILLIS;
        while (true) {
            Optional<Arm.Reply> reply = arm.once("PUT", url, body);
            if (reply.isPresent() && reply.get().ok()) {
                return;
            }
            boolean again = reply.isEmpty() || reply.get().status() >= 500 || retryable.test(reply.get());
            if (!again) {
                throw new StepFailed(
                        "PUT " + path(url) + " refused: " + reply.get().describe());
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) > deadline) {
                throw new StepFailed("PUT " + path(url) + " not accepted in time: "
                        + reply.map(Arm.Reply::describe).orElse("no answer"));
            }
            retries++;
            TimeUnit.MILLISECONDS.sleep(backoff);
            backoff = Math.min(MAX_RETRY_MILLIS, backoff * 2);
        }
    }

    private void awaitConnection(String connectionIdentifier, long deadline) throws InterruptedException {
        String path = peeringPath() + "/connections/" + connectionIdentifier;
        CompletableFuture<Long> seen = watcher.activeAndEstablished(path);
        String last = "not seen";
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StepFailed(
                        "connection " + connectionIdentifier + " not Active/Established in time, last: " + last);
            }
            try {
                seen.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(FALLBACK_POLL_MILLIS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // checked by GET below
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
            Optional<Arm.Reply> reply = arm.once("GET", urls.connection() + path, null);
            if (reply.isPresent() && reply.get().ok()) {
                JsonNode connection = reply.get().body();
                last = connection.path("connectionState").asText("?") + " IPv4 "
                        + connection.path("bgpSession").path("sessionStateV4").asText("?");
                if (isActiveAndEstablished(connection)) {
                    return;
                }
            } else {
                last = reply.map(Arm.Reply::describe).orElse("no answer");
            }
            if (seen.isDone()) {
                // The topic said so but the GET does not (yet): read-your-writes on one service; try again soon.
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            }
        }
    }

    static boolean isActiveAndEstablished(JsonNode connection) {
        return connection.path("connectionState").asText().equals("Active")
                && connection.path("bgpSession").path("sessionStateV4").asText().equals("Established");
    }

    private void awaitKey(String url, long deadline) throws InterruptedException {
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent() && reply.get().ok()) {
                JsonNode properties = reply.get().body().path("properties");
                if (properties.path("provisioningState").asText().equals("Succeeded")
                        && !properties.path("peeringServicePrefixKey").asText().isEmpty()) {
                    return;
                }
                last = properties.path("provisioningState").asText("?");
            } else if (reply.isPresent()) {
                last = reply.get().describe();
            }
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS * 2);
        }
        throw new StepFailed("registered ASN without a Prefix Key in time, last: " + last);
    }

    private static String path(String url) {
        int slash = url.indexOf('/', "http://".length());
        return slash < 0 ? url : url.substring(slash);
    }

    String peerAsnBody() {
        return """
                {"properties":{"peerAsn":%d,"peerName":"Bench Operator","peerContactDetail":[
                  {"role":"Noc","email":"noc@example.com","phone":"+1 (234) 567-8999"}]}}"""
                .formatted(1_000_000L + index);
    }

    String peeringBody() {
        AddressPool.Slot a = slots.first();
        AddressPool.Slot b = slots.second();
        return """
                {"sku":{"name":"Premium_Direct_Free"},"kind":"Direct","location":"%s",
                 "properties":{"direct":{"connections":[%s,%s],
                   "peerAsn":{"id":"%s"},"directPeeringType":"IxRs"},
                   "peeringLocation":"%s"}}"""
                .formatted(
                        a.azureRegion(),
                        connection("conn-a", a),
                        connection("conn-b", b),
                        peerAsnPath(),
                        a.peeringLocation());
    }

    private static String connection(String id, AddressPool.Slot slot) {
        return """
                {"connectionIdentifier":"%s","peeringDBFacilityId":%d,"bandwidthInMbps":10000,
                 "sessionAddressProvider":"Peer",
                 "bgpSession":{"sessionPrefixV4":"%s","microsoftSessionIPv4Address":"%s",
                   "peerSessionIPv4Address":"%s","maxPrefixesAdvertisedV4":1000}}"""
                .formatted(id, slot.facilityId(), slot.sessionPrefixV4(), slot.microsoftIPv4(), slot.peerIPv4());
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
