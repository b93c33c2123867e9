package dev.peering.connection;

import static dev.peering.connection.Fixtures.api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.core.MicrosoftTrackingIds;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Connections requested with a peering run through the walkthrough's states to Active and their BGP
 * sessions to Established; the failure paths, block/unblock and retry go through the same state
 * machine. The test profile has no delays and no auto-approval: the operator's approve starts each run.
 */
@QuarkusTest
@QuarkusTestResource(TokensTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConnectionLifecycleIT {

    @Test
    void approvedConnectionRunsToActiveAndSessionsToEstablishedWithAnEventForEachChange() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.dualConnection("c1"));
        JsonPath pending = f.awaitConnection("c1");
        assertEquals("PendingApproval", pending.getString("connectionState"));
        assertEquals("PendingAdd", pending.getString("bgpSession.sessionStateV4"));
        assertEquals("PendingAdd", pending.getString("bgpSession.sessionStateV6"));
        assertEquals(0, pending.getInt("provisionedBandwidthInMbps"));
        assertNull(pending.get("bgpSession.md5AuthenticationKey"));
        // the same id peering-service shows for this connection in the peering
        assertEquals(MicrosoftTrackingIds.of(f.connectionId("c1")), pending.getString("microsoftTrackingId"));

        f.operator("c1", "approve", 200);
        JsonPath active = f.awaitField("c1", "bgpSession.sessionStateV6", "Established");
        assertEquals("Active", active.getString("connectionState"));
        assertEquals("Established", active.getString("bgpSession.sessionStateV4"));
        assertEquals(10000, active.getInt("provisionedBandwidthInMbps"));

        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            String subject = f.connectionId("c1");
            List<TopicReader.Received> events = topic.awaitSubject(subject, 16);
            List<String> states = events.stream()
                    .filter(r -> r.event().type().equals(ConnectionEvent.STATE_CHANGED))
                    .map(r -> r.event().dataAs(ConnectionEvent.class))
                    .map(e -> e.previousConnectionState() + ">" + e.connectionState())
                    .toList();
            assertEquals(
                    List.of(
                            "null>PendingApproval",
                            "PendingApproval>Approved",
                            "Approved>ProvisioningStarted",
                            "ProvisioningStarted>ProvisioningCompleted",
                            "ProvisioningCompleted>Validating",
                            "Validating>Active"),
                    states);
            List<String> v4 = sessionChanges(events, true);
            List<String> v6 = sessionChanges(events, false);
            List<String> bgp = List.of(
                    "PendingAdd>Idle",
                    "Idle>Connect",
                    "Connect>OpenSent",
                    "OpenSent>OpenConfirm",
                    "OpenConfirm>Established");
            assertEquals(bgp, v4);
            assertEquals(bgp, v6);
            for (TopicReader.Received r : events) {
                assertEquals(f.peeringId, r.key(), "keyed by the peering, so its events stay in order");
                assertEquals(f.sub, r.event().subscription());
                assertFalse(r.value().toLowerCase().contains("md5authenticationkey\""), r.value());
                ConnectionEvent data = r.event().dataAs(ConnectionEvent.class);
                assertNotNull(data.connection(), "every event carries the connection snapshot");
                assertNotNull(data.reason());
                assertNotNull(data.changedAt());
                assertTrue(data.connection().md5AuthenticationKeyConfigured());
            }
            JsonNode approved = events.get(1).event().data();
            assertTrue(approved.get("reason").asText().contains("operator"), approved.toString());
        }
    }

    private static List<String> sessionChanges(List<TopicReader.Received> events, boolean v4) {
        return events.stream()
                .filter(r -> r.event().type().equals(ConnectionEvent.SESSION_STATE_CHANGED))
                .map(r -> r.event().dataAs(ConnectionEvent.class))
                .filter(e -> (v4 ? e.previousSessionStateV4() : e.previousSessionStateV6()) != null)
                .map(e -> v4
                        ? e.previousSessionStateV4() + ">" + e.sessionStateV4()
                        : e.previousSessionStateV6() + ">" + e.sessionStateV6())
                .toList();
    }

    @Test
    void onlyTheConfiguredFamilyComesUp() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        f.operator("c1", "approve", 200);
        JsonPath active = f.awaitField("c1", "bgpSession.sessionStateV4", "Established");
        assertEquals("None", active.getString("bgpSession.sessionStateV6"));
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            List<TopicReader.Received> events = topic.awaitSubject(f.connectionId("c1"), 11);
            assertEquals(List.of(), sessionChanges(events, false));
        }
    }

    @Test
    void requestingTheSameConnectionTwiceCreatesItOnce() {
        Fixtures f = new Fixtures().created();
        var c = Fixtures.v4Connection("c1");
        f.request(c);
        f.request(c);
        f.request(Fixtures.v4Connection("c2"));
        f.awaitConnection("c2");
        assertEquals(
                2,
                api().get(f.connectionsPath())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("value")
                        .size());
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            topic.awaitSubject(f.connectionId("c2"), 1);
            // exactly one event of c1, and still one after a quiet period: a second request made no second one
            topic.awaitSubjectExactly(f.connectionId("c1"), 1);
        }
    }

    @Test
    void addressOutsideTheExchangeLanFailsValidationSayingWhatToFix() {
        Fixtures f = new Fixtures().created();
        f.request(new PeeringEvent.Connection(
                "c1",
                Fixtures.FACILITY,
                10000,
                "Peer",
                false,
                "192.0.2.0/24",
                null,
                "192.0.2.1",
                null,
                "192.0.2.2",
                null,
                1000,
                null,
                false));
        f.awaitConnection("c1");
        f.operator("c1", "approve", 200);
        JsonPath failed = f.awaitState("c1", "ProvisioningFailed");
        String message = failed.getString("errorMessage");
        assertTrue(
                message.contains(
                        "sessionPrefixV4 192.0.2.0/24 is not inside the SIX Seattle peering LAN 206.81.80.0/22"),
                message);
        assertTrue(message.contains("peerSessionIPv4Address 192.0.2.2 is not inside"), message);
        assertNotNull(failed.getString("lastFailureTimeUtc"));
        assertEquals("Validating", failed.getString("previousConnectionProvisioningState"), "what it interrupted");
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            ConnectionEvent last = lastState(topic.awaitSubject(f.connectionId("c1"), 6));
            assertEquals("Validating", last.previousConnectionState());
            assertEquals("ProvisioningFailed", last.connectionState());
            assertEquals(message, last.errorMessage());
            assertNotNull(last.lastFailureTimeUtc());
        }
    }

    @Test
    void thePeerCorrectsAFailedConnectionWithPutAndProvisioningIsRetried() {
        Fixtures f = new Fixtures().created();
        f.request(new PeeringEvent.Connection(
                "c1",
                Fixtures.FACILITY,
                10000,
                "Peer",
                false,
                "192.0.2.0/24",
                null,
                "192.0.2.1",
                null,
                "192.0.2.2",
                null,
                1000,
                null,
                false));
        f.awaitConnection("c1");
        f.operator("c1", "approve", 200);
        f.awaitState("c1", "ProvisioningFailed");

        String peerV4 = Fixtures.nextPeerV4();
        String corrected =
                """
                {"peeringDBFacilityId":%d,"bandwidthInMbps":10000,"sessionAddressProvider":"Peer",
                 "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"206.81.80.30",
                  "peerSessionIPv4Address":"%s","maxPrefixesAdvertisedV4":1000}}"""
                        .formatted(Fixtures.FACILITY, peerV4);
        Fixtures.api()
                .contentType("application/json")
                .body(corrected)
                .put(f.path("c1"))
                .then()
                .statusCode(200)
                .body("connectionState", org.hamcrest.Matchers.equalTo("ProvisioningStarted"))
                .body("bgpSession.peerSessionIPv4Address", org.hamcrest.Matchers.equalTo(peerV4));
        JsonPath active = f.awaitState("c1", "Active");
        assertEquals(null, active.getString("errorMessage"));
        // a connection that did not fail cannot be overwritten with PUT
        Fixtures.api()
                .contentType("application/json")
                .body(corrected)
                .put(f.path("c1"))
                .then()
                .statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("ConnectionAlreadyExists"));
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            List<String> path = topic
                    .awaitEvents(
                            r -> r.event() != null
                                    && f.connectionId("c1").equals(r.event().subject())
                                    && r.event().type().equals(ConnectionEvent.STATE_CHANGED),
                            9)
                    .stream()
                    .map(r -> r.event().dataAs(ConnectionEvent.class).connectionState())
                    .toList();
            assertEquals(
                    List.of(
                            "PendingApproval",
                            "Approved",
                            "ProvisioningStarted",
                            "ProvisioningCompleted",
                            "Validating",
                            "ProvisioningFailed",
                            "ProvisioningStarted",
                            "ProvisioningCompleted",
                            "Validating"),
                    path.subList(0, 9));
        }
    }

    @Test
    void aPeerAddressAnotherLiveConnectionUsesFailsValidation() {
        Fixtures first = new Fixtures().created();
        String shared = Fixtures.nextPeerV4();
        first.request(Fixtures.connection("c1", shared, null));
        first.awaitConnection("c1");
        Fixtures second = new Fixtures().created();
        second.request(Fixtures.connection("c1", shared, null));
        second.awaitConnection("c1");
        second.operator("c1", "approve", 200);
        String message = second.awaitState("c1", "ProvisioningFailed").getString("errorMessage");
        assertTrue(
                message.contains("peerSessionIPv4Address " + shared + " is already used by another connection"),
                message);
    }

    @Test
    void maxPrefixesOutOfBoundsFailValidation() {
        Fixtures f = new Fixtures().created();
        f.request(new PeeringEvent.Connection(
                "c1",
                Fixtures.FACILITY,
                10000,
                "Peer",
                false,
                Fixtures.LAN_V4,
                null,
                Fixtures.MICROSOFT_V4,
                null,
                Fixtures.nextPeerV4(),
                null,
                50000,
                null,
                false));
        f.awaitConnection("c1");
        f.operator("c1", "approve", 200);
        String message = f.awaitState("c1", "ProvisioningFailed").getString("errorMessage");
        assertTrue(message.contains("maxPrefixesAdvertisedV4 50000 is out of bounds; use 1 to 20000"), message);
    }

    @Test
    void operatorFailsWithAReasonAndRetryRunsToActive() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        JsonPath noReason = f.operator("c1", "fail", Map.of(), 400);
        assertEquals("InvalidRequestContent", noReason.getString("error.code"));
        JsonPath failed =
                f.operator("c1", "fail", Map.of("reason", "the LOA names the wrong port; send a new one"), 200);
        assertEquals("ProvisioningFailed", failed.getString("connectionState"));
        assertEquals("the LOA names the wrong port; send a new one", failed.getString("errorMessage"));
        assertNotNull(failed.getString("lastFailureTimeUtc"));
        assertEquals("PendingApproval", failed.getString("previousConnectionProvisioningState"), "what it interrupted");

        JsonPath approveFailed = f.operator("c1", "approve", 409);
        assertEquals("InvalidConnectionStateTransition", approveFailed.getString("error.code"));

        JsonPath retried = f.operator("c1", "retry", 200);
        assertNull(retried.get("errorMessage"));
        assertNull(retried.get("previousConnectionProvisioningState"));
        f.awaitField("c1", "bgpSession.sessionStateV4", "Established");
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            List<String> states = topic.awaitSubject(f.connectionId("c1"), 5).stream()
                    .filter(r -> r.event().type().equals(ConnectionEvent.STATE_CHANGED))
                    .map(r -> r.event().dataAs(ConnectionEvent.class).connectionState())
                    .toList();
            assertEquals(
                    List.of(
                            "PendingApproval",
                            "ProvisioningFailed",
                            "ProvisioningStarted",
                            "ProvisioningCompleted",
                            "Validating",
                            "Active"),
                    states);
        }
    }

    @Test
    void blockHoldsTheConnectionAndUnblockReturnsToTheBlockedState() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        JsonPath blocked = f.operator("c1", "block", Map.of("reason", "building access pending"), 200);
        assertEquals("ExternalBlocker", blocked.getString("connectionState"));
        assertEquals("PendingApproval", blocked.getString("previousConnectionProvisioningState"));

        assertEquals(
                "InvalidConnectionStateTransition",
                f.operator("c1", "approve", 409).getString("error.code"));
        assertEquals(
                "InvalidConnectionStateTransition",
                f.operator("c1", "block", Map.of(), 409).getString("error.code"));
        // a block without a body (and without a content type) is still a block, not a 415
        given().queryParam("api-version", "2022-10-01")
                .post(f.path("c1") + "/block")
                .then()
                .statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("InvalidConnectionStateTransition"));
        api().body("{\"reason\": 42").post(f.path("c1") + "/block").then().statusCode(400);

        JsonPath unblocked = f.operator("c1", "unblock", 200);
        assertEquals("PendingApproval", unblocked.getString("connectionState"));
        assertNull(unblocked.get("previousConnectionProvisioningState"));
        assertEquals(
                "InvalidConnectionStateTransition",
                f.operator("c1", "unblock", 409).getString("error.code"));

        f.operator("c1", "approve", 200);
        f.awaitState("c1", "Active");
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            List<ConnectionEvent> changes = topic.awaitSubject(f.connectionId("c1"), 4).stream()
                    .filter(r -> r.event().type().equals(ConnectionEvent.STATE_CHANGED))
                    .map(r -> r.event().dataAs(ConnectionEvent.class))
                    .toList();
            ConnectionEvent block = changes.get(1);
            assertEquals("ExternalBlocker", block.connectionState());
            assertEquals("PendingApproval", block.previousConnectionProvisioningState());
            assertTrue(block.reason().contains("building access pending"), block.reason());
            assertEquals("PendingApproval", changes.get(2).connectionState());
        }
    }

    @Test
    void anIllegalTransitionIsRefusedWithACode() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        JsonPath refused = f.operator("c1", "activate", 409);
        assertEquals("InvalidConnectionStateTransition", refused.getString("error.code"));
        assertTrue(refused.getString("error.message").contains("PendingApproval"));
        assertEquals(
                "InvalidConnectionStateTransition",
                f.operator("c1", "retry", 409).getString("error.code"));
        assertEquals("PendingApproval", f.get("c1").getString("connectionState"));
    }

    @Test
    void twoConcurrentActionsOnOneConnectionOneWinsTheOtherGets409() throws Exception {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            Callable<Integer> approve =
                    () -> api().post(f.path("c1") + "/approve").statusCode();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(approve));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> c : calls) {
                statuses.add(c.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anUnknownPeeringOrConnectionIs404() {
        Fixtures f = new Fixtures();
        assertEquals(
                "ResourceNotFound",
                api().get(f.connectionsPath())
                        .then()
                        .statusCode(404)
                        .extract()
                        .jsonPath()
                        .getString("error.code"));
        Fixtures known = new Fixtures().created();
        assertEquals("ResourceNotFound", known.operator("nope", "approve", 404).getString("error.code"));
        api().get(known.connectionsPath()).then().statusCode(200);
    }

    private static ConnectionEvent lastState(List<TopicReader.Received> events) {
        List<ConnectionEvent> changes = events.stream()
                .filter(r -> r.event().type().equals(ConnectionEvent.STATE_CHANGED))
                .map(r -> r.event().dataAs(ConnectionEvent.class))
                .toList();
        return changes.get(changes.size() - 1);
    }
}
