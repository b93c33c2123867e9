package dev.peering.connection;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.connection.service.ProvisioningSimulator;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.AdjustableTimeSource;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.Scrape;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * With delays (one minute per step, as a local stack would have seconds) and auto-approval, the
 * provisioner takes one step per delay and no step before it; the operator can block a step in
 * progress and move a Validating connection to Active by hand.
 */
@QuarkusTest
@QuarkusTestResource(TokensTestResource.class)
@TestProfile(TimedProvisioningIT.Timed.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class TimedProvisioningIT {

    public static class Timed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.connection.step-delay", "PT1M",
                    "peering.connection.session-step-delay", "PT1M",
                    "peering.connection.auto-approve", "true");
        }
    }

    private static final Duration STEP = Duration.ofMinutes(1);

    /** Lets one step delay pass and waits for the connection to show {@code state}. */
    private static void step(Fixtures f, String id, String field, String value) {
        AdjustableTimeSource.advance(STEP);
        f.awaitField(id, field, value);
    }

    private static void stillIn(Fixtures f, String id, String state) {
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> state.equals(f.get(id).getString("connectionState")));
    }

    @Test
    void eachStepWaitsForItsDelayAndTheOperatorActivatesAValidatingConnection() {
        double upTo2m = Scrape.value(TIME_TO_ACTIVE, "le=\"120.0\"");
        double upTo5m = Scrape.value(TIME_TO_ACTIVE, "le=\"300.0\"");
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        stillIn(f, "c1", "PendingApproval");
        step(f, "c1", "connectionState", "Approved");
        step(f, "c1", "connectionState", "ProvisioningStarted");
        stillIn(f, "c1", "ProvisioningStarted");
        step(f, "c1", "connectionState", "ProvisioningCompleted");
        step(f, "c1", "connectionState", "Validating");
        assertEquals("Active", f.operator("c1", "activate", 200).getString("connectionState"));
        assertEquals("PendingAdd", f.get("c1").getString("bgpSession.sessionStateV4"));
        for (String bgp : List.of("Idle", "Connect", "OpenSent", "OpenConfirm", "Established")) {
            step(f, "c1", "bgpSession.sessionStateV4", bgp);
        }
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            ConnectionEvent activated = topic.awaitSubject(f.connectionId("c1"), 6).stream()
                    .map(r -> r.event().dataAs(ConnectionEvent.class))
                    .filter(e ->
                            "Active".equals(e.connectionState()) && "Validating".equals(e.previousConnectionState()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("activated by the peering operator", activated.reason());
        }
        // four step delays on the service's clock from the request to Active: one more between 2 and 5 minutes
        // (other tests' connections that the clock moved on may add theirs)
        assertTrue((Scrape.value(TIME_TO_ACTIVE, "le=\"300.0\"") - upTo5m)
                        - (Scrape.value(TIME_TO_ACTIVE, "le=\"120.0\"") - upTo2m)
                >= 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertTrue(Scrape.value("peering_connections", "state=\"Active\"") >= 1);
            assertTrue(Scrape.value("peering_sessions", "family=\"ipv4\"", "state=\"Established\"") >= 1);
        });
    }

    private static final String TIME_TO_ACTIVE = "peering_connection_time_to_active_seconds_bucket";

    @Test
    void aBlockedStepWaitsAndResumesWhereItWasBlocked() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        step(f, "c1", "connectionState", "Approved");
        step(f, "c1", "connectionState", "ProvisioningStarted");
        f.operator("c1", "block", Map.of("reason", "cross-connect order held by the facility"), 200);
        AdjustableTimeSource.advance(STEP.multipliedBy(3));
        stillIn(f, "c1", "ExternalBlocker");
        // blocked three step delays: the stuck alert's two sides, a person's bound (3 days) for a blocker and one
        // step delay plus the 5-minute margin where the provisioner moves the connection itself
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertTrue(
                        Scrape.value("peering_connections_oldest_in_state_seconds", "state=\"ExternalBlocker\"")
                                >= 180));
        assertEquals(
                Duration.ofDays(3).toSeconds(),
                Scrape.value("peering_connection_state_bound_seconds", "state=\"ExternalBlocker\""));
        assertEquals(
                STEP.plusMinutes(5).toSeconds(),
                Scrape.value("peering_connection_state_bound_seconds", "state=\"ProvisioningStarted\""));
        assertEquals("ProvisioningStarted", f.get("c1").getString("previousConnectionProvisioningState"));
        assertEquals("ProvisioningStarted", f.operator("c1", "unblock", 200).getString("connectionState"));
        step(f, "c1", "connectionState", "ProvisioningCompleted");
        step(f, "c1", "connectionState", "Validating");
        step(f, "c1", "connectionState", "Active");
    }

    @Inject
    ProvisioningSimulator service;

    @Test
    void provisionersRunningAtOnceAdvanceEachConnectionOnce() throws Exception {
        Fixtures f = new Fixtures().created();
        int count = 30;
        PeeringEvent.Connection[] requested = new PeeringEvent.Connection[count];
        for (int i = 0; i < count; i++) {
            requested[i] = Fixtures.v4Connection("c" + i);
        }
        f.request(requested);
        f.awaitConnection("c" + (count - 1));
        AdjustableTimeSource.advance(STEP);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> provisioners = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                provisioners.add(pool.submit(() -> {
                    int advanced = 0;
                    int n;
                    while ((n = service.advanceDue(3)) > 0) {
                        advanced += n;
                    }
                    return advanced;
                }));
            }
            for (Future<Integer> p : provisioners) {
                p.get();
            }
        } finally {
            pool.shutdown();
        }
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            var approved = topic.awaitEvents(
                    r -> r.event() != null
                            && f.peeringId.equals(r.key())
                            && "Approved"
                                    .equals(r.event()
                                            .dataAs(ConnectionEvent.class)
                                            .connectionState()),
                    count);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> topic.poll().stream()
                                    .filter(r -> r.event() != null
                                            && f.peeringId.equals(r.key())
                                            && "Approved"
                                                    .equals(r.event()
                                                            .dataAs(ConnectionEvent.class)
                                                            .connectionState()))
                                    .count()
                            == count);
            assertEquals(
                    count,
                    approved.stream().map(r -> r.event().subject()).distinct().count());
        }
    }
}
