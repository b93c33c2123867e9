package dev.peering.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.testsupport.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/observability against the running services of the shared stack (every instance scraped): each
 * metric the Grafana dashboard and the alert rules read is exported, and the business metrics move with a
 * story (a PeerAsn approved, a connection Active, a Prefix Key issued and revoked).
 */
class ObservabilityIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final List<String> SERVICES =
            List.of(Stack.ASN, Stack.PEERING, Stack.CONNECTION, Stack.REGISTRATION);
    // Prometheus makes `up` itself for every target it scrapes; no service exports it.
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

    private static final AtomicInteger STORIES = new AtomicInteger();

    static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.get();
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesReadIsExportedByTheServices() {
        // a story first, so the metrics a service makes on its first event (inbox_events_total) exist too
        story("sub-" + UUID.randomUUID());
        Map<String, Set<String>> wanted = new TreeMap<>();
        Observability.dashboardExpressions().forEach(e -> Observability.metricNames(e)
                .forEach(n -> wanted.computeIfAbsent(n, k -> new TreeSet<>()).add("dashboard")));
        Observability.alertExpressions().forEach((alert, e) -> Observability.metricNames(e)
                .forEach(n -> wanted.computeIfAbsent(n, k -> new TreeSet<>()).add("alert " + alert)));
        assertTrue(
                wanted.size() >= 15,
                "metric names read from the files (a parser that finds none proves nothing): " + wanted.keySet());
        assertEquals(5, Observability.alertExpressions().size(), "alert rules");

        Set<String> exported = new TreeSet<>();
        for (String service : SERVICES) {
            for (String url : stack.instanceUrls(service)) {
                Scrape.of(url).forEach(s -> exported.add(s.name()));
            }
        }
        Map<String, Set<String>> missing = new TreeMap<>(wanted);
        missing.keySet().removeAll(exported);
        missing.keySet().removeAll(MADE_BY_PROMETHEUS);
        assertEquals(Map.of(), missing, "metrics the dashboard or the alerts read and no service exports");
    }

    @Test
    void theBusinessMetricsFollowAStory() {
        List<String> asn = stack.instanceUrls(Stack.ASN);
        List<String> connection = stack.instanceUrls(Stack.CONNECTION);
        List<String> registration = stack.instanceUrls(Stack.REGISTRATION);
        double decided = Scrape.sum(asn, "peering_peer_asn_approval_delay_seconds_count", "state=\"Approved\"");
        double activated = Scrape.sum(connection, "peering_connection_time_to_active_seconds_count");
        double issued = Scrape.sum(registration, "peering_prefix_keys_issued_total");
        double revoked = Scrape.sum(registration, "peering_prefix_keys_revoked_total", "reason=\"Deleted\"");

        story("sub-" + UUID.randomUUID());

        // counters and histograms count per instance, after the commit: the sum over the instances moved
        await().atMost(STEP).untilAsserted(() -> {
            assertTrue(Scrape.sum(asn, "peering_peer_asn_approval_delay_seconds_count", "state=\"Approved\"")
                    >= decided + 1);
            assertTrue(Scrape.sum(connection, "peering_connection_time_to_active_seconds_count") >= activated + 1);
            assertTrue(Scrape.sum(registration, "peering_prefix_keys_issued_total") >= issued + 1);
            assertTrue(
                    Scrape.sum(registration, "peering_prefix_keys_revoked_total", "reason=\"Deleted\"") >= revoked + 1);
        });
        // the approval waited the stack's approval delay (8 s): its sum is at least that
        assertTrue(Scrape.sum(asn, "peering_peer_asn_approval_delay_seconds_sum", "state=\"Approved\"") >= 8);
        // gauges are database-wide: every instance says the same, within a refresh interval (5 s in the stack)
        await().atMost(STEP).untilAsserted(() -> {
            for (String url : connection) {
                assertTrue(Scrape.sum(List.of(url), "peering_connections", "state=\"Active\"") >= 1, url);
                assertTrue(
                        Scrape.sum(List.of(url), "peering_sessions", "family=\"ipv4\"", "state=\"Established\"") >= 1,
                        url);
            }
            for (String url : asn) {
                assertTrue(Scrape.sum(List.of(url), "peering_peer_asns", "state=\"Approved\"") >= 1, url);
            }
        });
    }

    /** A PeerAsn approved after the delay, a peering whose connection becomes Active, a customer ASN registered and deleted. */
    private static void story(String sub) {
        // a peer session address of its own: two connections at one facility may not share one
        String address = "206.81.83." + (200 + STORIES.getAndIncrement());
        Api peer = new Api(stack, stack.peerToken(sub));
        String peering = Api.peering(sub, "rg", "metrics");
        peer.put(Stack.ASN, Api.peerAsns(sub) + "/contoso", Api.peerAsnBody(30011))
                .then()
                .statusCode(201);
        await().atMost(STEP)
                .until(
                        () -> peer.put(
                                Stack.PEERING,
                                peering,
                                Api.peeringBody(sub, "contoso", Api.connection("c1", address, null))),
                        r -> r.statusCode() != 400 || !r.asString().contains("names no PeerAsn"))
                .then()
                .statusCode(201);
        await().atMost(STEP).untilAsserted(() -> peer.get(Stack.CONNECTION, peering + "/connections/c1")
                .then()
                .body("connectionState", equalTo("Active"))
                .body("bgpSession.sessionStateV4", equalTo("Established")));
        String registered = peering + "/registeredAsns/customer";
        await().atMost(STEP)
                .until(() -> peer.put(Stack.REGISTRATION, registered, "{\"properties\":{\"asn\":13335}}")
                                .statusCode()
                        == 201);
        peer.delete(Stack.REGISTRATION, registered).then().statusCode(200);
    }
}
