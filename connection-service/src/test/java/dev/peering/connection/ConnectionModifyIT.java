package dev.peering.connection;

import static dev.peering.connection.Fixtures.api;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import dev.peering.testsupport.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's modifications: add and remove a connection, add a session to an Active connection, and
 * the operator-only removal of a session; plus the peering events that decommission connections.
 */
@QuarkusTest
@QuarkusTestResource(TokensTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConnectionModifyIT {

    static Map<String, Object> body(String peerV4, String peerV6) {
        Map<String, Object> session = new HashMap<>();
        if (peerV4 != null) {
            session.put("sessionPrefixV4", Fixtures.LAN_V4);
            session.put("microsoftSessionIPv4Address", Fixtures.MICROSOFT_V4);
            session.put("peerSessionIPv4Address", peerV4);
            session.put("maxPrefixesAdvertisedV4", 1000);
        }
        if (peerV6 != null) {
            session.put("sessionPrefixV6", Fixtures.LAN_V6);
            session.put("microsoftSessionIPv6Address", Fixtures.MICROSOFT_V6);
            session.put("peerSessionIPv6Address", peerV6);
            session.put("maxPrefixesAdvertisedV6", 100);
        }
        session.put("md5AuthenticationKey", "s3cr3t-md5-key");
        Map<String, Object> body = new HashMap<>();
        body.put("peeringDBFacilityId", Fixtures.FACILITY);
        body.put("bandwidthInMbps", 10000);
        body.put("sessionAddressProvider", "Peer");
        body.put("useForPeeringService", false);
        body.put("bgpSession", session);
        return body;
    }

    /** A v4-only connection added with PUT, approved, and Active with its session Established. */
    private static void activeV4(Fixtures f, String id) {
        api().body(body(Fixtures.nextPeerV4(), null)).put(f.path(id)).then().statusCode(201);
        f.operator(id, "approve", 200);
        f.awaitField(id, "bgpSession.sessionStateV4", "Established");
    }

    @Test
    void receivedRoutesNeedARouterAndTheSimulationHasNone() {
        Fixtures f = new Fixtures().created();
        String routes = f.connectionsPath().replace("/connections", "/receivedRoutes");
        api().get(routes)
                .then()
                .statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("ReceivedRoutesNotAvailable"));
        // bad input is a 400 before anything else, and an unknown peering a 404
        api().queryParam("asPath", "30000,64500")
                .get(routes)
                .then()
                .statusCode(400)
                .body("error.code", org.hamcrest.Matchers.equalTo("InvalidQueryParameter"));
        api().get(routes.replace(f.name, f.name + "-none"))
                .then()
                .statusCode(404)
                .body("error.code", org.hamcrest.Matchers.equalTo("ResourceNotFound"));
    }

    @Test
    void theLookingGlassNeedsARouterAndRefusesHostileInputFirst() {
        Fixtures f = new Fixtures().created();
        String glass = "/subscriptions/" + f.sub + "/providers/Microsoft.Peering/lookingGlass";
        Map<String, String> ping = Map.of(
                "command",
                "Ping",
                "sourceType",
                "EdgeSite",
                "sourceLocation",
                "Seattle",
                "destinationIP",
                "206.81.81.10");
        api().queryParams(ping)
                .post(glass)
                .then()
                .statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("LookingGlassNotAvailable"));
        // each hostile or malformed parameter is a 400 with the ARM body, before the router is asked anything
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("destinationIP", "206.81.81.10; reboot"),
                Map.entry("destinationIP", "-c 100000 206.81.81.10"),
                Map.entry("destinationIP", "localhost"),
                Map.entry("destinationIP", "224.0.0.1"),
                Map.entry("destinationIP", "::1"),
                Map.entry("command", "Shell"),
                Map.entry("sourceType", "Anywhere"),
                Map.entry("sourceLocation", ""))) {
            Map<String, String> params = new java.util.HashMap<>(ping);
            params.put(bad.getKey(), bad.getValue());
            api().queryParams(params)
                    .post(glass)
                    .then()
                    .statusCode(400)
                    .body("error.code", org.hamcrest.Matchers.equalTo("InvalidQueryParameter"));
        }
        Map<String, String> azure = new java.util.HashMap<>(ping);
        azure.put("sourceType", "AzureRegion");
        api().queryParams(azure)
                .post(glass)
                .then()
                .statusCode(400)
                .body("error.code", org.hamcrest.Matchers.equalTo("InvalidLookingGlassSource"));
    }

    @Test
    void anAddedConnectionStartsAtPendingApprovalAndRunsTheSameWay() {
        Fixtures f = new Fixtures().created();
        JsonPath created = api().header("x-ms-correlation-request-id", "corr-add-c9")
                .body(body(Fixtures.nextPeerV4(), Fixtures.nextPeerV6()))
                .put(f.path("c9"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals("PendingApproval", created.getString("connectionState"));
        assertEquals("c9", created.getString("connectionIdentifier"));
        assertEquals(f.connectionId("c9"), created.getString("id"));
        assertEquals("PendingAdd", created.getString("bgpSession.sessionStateV6"));
        assertNull(created.get("bgpSession.md5AuthenticationKey"), "the MD5 key is never returned");

        JsonPath again = api().body(body(Fixtures.nextPeerV4(), null))
                .put(f.path("c9"))
                .then()
                .statusCode(409)
                .extract()
                .jsonPath();
        assertEquals("ConnectionAlreadyExists", again.getString("error.code"));

        f.operator("c9", "approve", 200);
        f.awaitField("c9", "bgpSession.sessionStateV6", "Established");
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            List<TopicReader.Received> events = topic.awaitSubject(f.connectionId("c9"), 16);
            assertEquals("corr-add-c9", events.get(0).event().correlationid(), "the request's correlation id");
            assertEquals("corr-add-c9", events.get(0).headers().get("correlationid"));
            ConnectionEvent first = events.get(0).event().dataAs(ConnectionEvent.class);
            assertNull(first.previousConnectionState());
            assertEquals("PendingApproval", first.connectionState());
            assertTrue(first.connection().md5AuthenticationKeyConfigured());
            for (TopicReader.Received r : events) {
                assertFalse(r.value().contains("s3cr3t-md5-key"), "the MD5 key never appears in events");
            }
        }
    }

    @Test
    void anInvalidConnectionIsRefusedAndNothingIsStored() {
        Fixtures f = new Fixtures().created();
        Map<String, Object> wrongMetro = body(Fixtures.nextPeerV4(), null);
        wrongMetro.put("peeringDBFacilityId", 18);
        JsonPath refused = api().body(wrongMetro)
                .put(f.path("c1"))
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertEquals("InvalidRequestContent", refused.getString("error.code"));
        assertTrue(
                refused.getString("error.message").contains("peeringDBFacilityId"), refused.getString("error.message"));

        Map<String, Object> microsoftProvider = body(Fixtures.nextPeerV4(), null);
        microsoftProvider.put("sessionAddressProvider", "Microsoft");
        api().body(microsoftProvider).put(f.path("c1")).then().statusCode(400);

        Map<String, Object> peeringService = body(Fixtures.nextPeerV4(), null);
        peeringService.put("useForPeeringService", true);
        JsonPath noAgreement = api().body(peeringService)
                .put(f.path("c1"))
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertTrue(noAgreement.getString("error.message").contains("useForPeeringService"));

        Map<String, Object> otherId = body(Fixtures.nextPeerV4(), null);
        otherId.put("connectionIdentifier", "c2");
        api().body(otherId).put(f.path("c1")).then().statusCode(400);

        api().body("{\"bandwidthInMbps\": \"fast\"}").put(f.path("c1")).then().statusCode(400);
        api().get(f.path("c1")).then().statusCode(404);
        api().body(body(Fixtures.nextPeerV4(), null))
                .put(new Fixtures().path("c1"))
                .then()
                .statusCode(404);
    }

    @Test
    void aConnectionCanBeAddedOnlyToASucceededPeering() {
        Fixtures f = new Fixtures();
        f.send(PeeringEvent.CREATED, List.of(), "Updating");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get(f.connectionsPath()).statusCode() == 200);
        JsonPath waiting = api().body(body(Fixtures.nextPeerV4(), null))
                .put(f.path("c1"))
                .then()
                .statusCode(409)
                .extract()
                .jsonPath();
        assertEquals("PeeringNotReady", waiting.getString("error.code"));
        f.send(PeeringEvent.FAILED, List.of(), "Failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PeeringFailed"
                .equals(api().body(body(Fixtures.nextPeerV4(), null))
                        .put(f.path("c1"))
                        .jsonPath()
                        .getString("error.code")));
        api().get(f.path("c1")).then().statusCode(404);
    }

    @Test
    void removingAConnectionNeedsTheWordYesThenItIsDecommissionedAndDisappears() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.dualConnection("c1"));
        f.awaitConnection("c1");

        JsonPath unconfirmed =
                api().delete(f.path("c1")).then().statusCode(400).extract().jsonPath();
        assertEquals("ConfirmationRequired", unconfirmed.getString("error.code"));
        assertTrue(unconfirmed.getString("error.message").contains("confirm=yes"));
        api().queryParam("confirm", "y").delete(f.path("c1")).then().statusCode(400);
        assertEquals("PendingApproval", f.get("c1").getString("connectionState"));

        JsonPath removing = api().queryParam("confirm", "yes")
                .delete(f.path("c1"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertEquals("PendingRemove", removing.getString("bgpSession.sessionStateV4"));
        assertEquals("PendingRemove", removing.getString("bgpSession.sessionStateV6"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get(f.path("c1")).statusCode() == 404);
        api().queryParam("confirm", "yes").delete(f.path("c1")).then().statusCode(204);

        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            List<TopicReader.Received> events = topic.awaitSubject(f.connectionId("c1"), 3);
            assertEquals(
                    ConnectionEvent.SESSION_STATE_CHANGED, events.get(1).event().type());
            ConnectionEvent pendingRemove = events.get(1).event().dataAs(ConnectionEvent.class);
            assertEquals("PendingAdd", pendingRemove.previousSessionStateV4());
            assertEquals("PendingRemove", pendingRemove.sessionStateV4());
            assertEquals(ConnectionEvent.REMOVED, events.get(2).event().type());
            assertEquals(f.peeringId, events.get(2).key());
        }
        // ADR 0022: the state topic, keyed by the CONNECTION, had a snapshot per change and ends in a tombstone
        String id = f.connectionId("c1");
        try (TopicReader state = new TopicReader(Topics.CONNECTIONS_STATE)) {
            List<TopicReader.Received> snapshots = state.awaitExactly(r -> id.equals(r.key()), 3);
            assertEquals(ConnectionEvent.STATE, snapshots.get(0).event().type());
            assertEquals(id, snapshots.get(0).event().subject());
            ConnectionEvent first = snapshots.get(0).event().dataAs(ConnectionEvent.class);
            assertEquals("PendingApproval", first.connectionState());
            assertNull(first.previousConnectionState());
            assertNull(first.reason());
            assertEquals(
                    "PendingRemove",
                    snapshots.get(1).event().dataAs(ConnectionEvent.class).sessionStateV4());
            assertNull(snapshots.get(2).value(), "a tombstone when the connection is removed");
            snapshots.subList(0, 2).forEach(r -> assertFalse(r.value().contains("md5AuthenticationKey\""), r.value()));
        }
    }

    @Test
    void anIPv6SessionCanBeAddedToAnActiveConnection() {
        Fixtures f = new Fixtures().created();
        activeV4(f, "c1");
        String peerV6 = Fixtures.nextPeerV6();
        Map<String, Object> session = new HashMap<>(body(null, peerV6));
        JsonPath added = api().body(Map.of("bgpSession", session.get("bgpSession")))
                .patch(f.path("c1"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("PendingAdd", added.getString("bgpSession.sessionStateV6"));
        assertEquals(peerV6, added.getString("bgpSession.peerSessionIPv6Address"));
        assertEquals("Established", added.getString("bgpSession.sessionStateV4"));
        f.awaitField("c1", "bgpSession.sessionStateV6", "Established");

        JsonPath twice = api().body(Map.of("bgpSession", session.get("bgpSession")))
                .patch(f.path("c1"))
                .then()
                .statusCode(409)
                .extract()
                .jsonPath();
        assertEquals("SessionAlreadyExists", twice.getString("error.code"));
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            List<String> v6 = topic.awaitSubject(f.connectionId("c1"), 17).stream()
                    .filter(r -> r.event().type().equals(ConnectionEvent.SESSION_STATE_CHANGED))
                    .map(r -> r.event().dataAs(ConnectionEvent.class))
                    .filter(e -> e.previousSessionStateV6() != null)
                    .map(e -> e.previousSessionStateV6() + ">" + e.sessionStateV6())
                    .toList();
            assertEquals(
                    List.of(
                            "None>PendingAdd",
                            "PendingAdd>Idle",
                            "Idle>Connect",
                            "Connect>OpenSent",
                            "OpenSent>OpenConfirm",
                            "OpenConfirm>Established"),
                    v6);
        }
    }

    @Test
    void aSessionIsValidatedLikeANewOneAndOnlyOnAnActiveConnection() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
        Map<String, Object> v6 = Map.of(
                "sessionPrefixV6", Fixtures.LAN_V6,
                "microsoftSessionIPv6Address", Fixtures.MICROSOFT_V6,
                "peerSessionIPv6Address", Fixtures.nextPeerV6());
        JsonPath notActive = api().body(Map.of("bgpSession", v6))
                .patch(f.path("c1"))
                .then()
                .statusCode(409)
                .extract()
                .jsonPath();
        assertEquals("ConnectionNotActive", notActive.getString("error.code"));
        assertEquals("None", f.get("c1").getString("bgpSession.sessionStateV6"));

        Fixtures g = new Fixtures().created();
        activeV4(g, "c1");
        Map<String, Object> outsidePrefix = Map.of(
                "sessionPrefixV6", "2001:db8::/64",
                "microsoftSessionIPv6Address", "2001:db8::1",
                "peerSessionIPv6Address", "2001:db8::2");
        JsonPath outside = api().body(Map.of("bgpSession", outsidePrefix))
                .patch(g.path("c1"))
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertEquals("InvalidRequestContent", outside.getString("error.code"));
        assertTrue(
                outside.getString("error.message").contains("not inside the SIX Seattle peering LAN"),
                outside.getString("error.message"));
        Map<String, Object> peerOutsideSessionPrefix = Map.of(
                "sessionPrefixV6", Fixtures.LAN_V6,
                "microsoftSessionIPv6Address", Fixtures.MICROSOFT_V6,
                "peerSessionIPv6Address", "2001:db8::2");
        api().body(Map.of("bgpSession", peerOutsideSessionPrefix))
                .patch(g.path("c1"))
                .then()
                .statusCode(400);
        api().body(Map.of("bandwidthInMbps", 100000, "bgpSession", v6))
                .patch(g.path("c1"))
                .then()
                .statusCode(400);
        api().body(Map.of()).patch(g.path("c1")).then().statusCode(400);
        assertEquals("None", g.get("c1").getString("bgpSession.sessionStateV6"));
    }

    @Test
    void aPeerCannotRemoveASessionTheOperatorCan() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.dualConnection("c1"));
        f.awaitConnection("c1");
        f.operator("c1", "approve", 200);
        f.awaitField("c1", "bgpSession.sessionStateV6", "Established");

        JsonPath refused = api().header("Authorization", TestTokens.peer(f.sub))
                .queryParam("family", "IPv6")
                .post(f.path("c1") + "/removeSession")
                .then()
                .statusCode(403)
                .extract()
                .jsonPath();
        assertEquals("OperatorActionRequired", refused.getString("error.code"));
        assertTrue(
                refused.getString("error.message").contains("contact Microsoft peering"),
                refused.getString("error.message"));
        assertEquals("Established", f.get("c1").getString("bgpSession.sessionStateV6"));

        api().queryParam("family", "IPv5")
                .post(f.path("c1") + "/removeSession")
                .then()
                .statusCode(400);
        JsonPath removing = api().queryParam("family", "IPv6")
                .post(f.path("c1") + "/removeSession")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("PendingRemove", removing.getString("bgpSession.sessionStateV6"));
        JsonPath removed = f.awaitField("c1", "bgpSession.sessionStateV6", "None");
        assertNull(removed.get("bgpSession.peerSessionIPv6Address"));
        assertEquals("Established", removed.getString("bgpSession.sessionStateV4"));

        JsonPath last = api().queryParam("family", "IPv4")
                .post(f.path("c1") + "/removeSession")
                .then()
                .statusCode(409)
                .extract()
                .jsonPath();
        assertEquals("LastSession", last.getString("error.code"));
    }

    @Test
    void peeringEventsDecommissionTheConnectionsTheyName() {
        Fixtures f = new Fixtures().created();
        f.request(Fixtures.v4Connection("c1"), Fixtures.v4Connection("c2"), Fixtures.v4Connection("c3"));
        f.awaitConnection("c3");
        f.send(PeeringEvent.CONNECTION_REMOVAL_REQUESTED, List.of(Fixtures.v4Connection("c1")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get(f.path("c1")).statusCode() == 404);
        assertEquals("PendingApproval", f.get("c2").getString("connectionState"));
        f.send(PeeringEvent.DEPROVISION_REQUESTED, List.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get(f.path("c2")).statusCode() == 404
                        && api().get(f.path("c3")).statusCode() == 404);
        try (TopicReader topic = new TopicReader(Topics.CONNECTION_EVENTS)) {
            topic.awaitEvents(
                    r -> r.event() != null
                            && r.event().type().equals(ConnectionEvent.REMOVED)
                            && f.peeringId.equals(r.key()),
                    3);
        }
    }

    @Test
    void anUnknownPeeringEventTypeGoesToTheDeadLetterTopic() {
        Fixtures f = new Fixtures().created();
        String unknown = dev.peering.events.EventJson.write(dev.peering.events.EventJson.newEvent(
                "dev.peering.peering.somethingNew",
                PeeringEvent.SOURCE,
                f.peeringId,
                "corr",
                f.sub,
                Map.of("peeringId", f.peeringId, "subscriptionId", f.sub)));
        TopicWriter.send(Topics.PEERING_EVENTS, f.peeringId, unknown);
        TopicWriter.send(Topics.PEERING_EVENTS, f.peeringId, "not json " + f.sub);
        try (TopicReader dlq = new TopicReader("connection-service.peering-events.dlq")) {
            dlq.awaitEvents(r -> r.value() != null && r.value().contains(f.sub), 2);
        }
        f.request(Fixtures.v4Connection("c1"));
        f.awaitConnection("c1");
    }

    @Test
    void useForPeeringServiceFollowsTheAgreementPeeringServicePublishes() {
        Fixtures f = new Fixtures().created();
        Map<String, Object> first = body(Fixtures.nextPeerV4(), null);
        first.put("useForPeeringService", true);
        api().body(first).put(f.path("c1")).then().statusCode(400);

        f.agreement(true);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> api().body(first).put(f.path("c1")).then().statusCode(201));

        f.agreement(false);
        Map<String, Object> second = body(Fixtures.nextPeerV4(), null);
        second.put("useForPeeringService", true);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> api().body(second).put(f.path("c2")).then().statusCode(400));
        // the connection that has it keeps it
        assertTrue(api().get(f.path("c1")).then().extract().jsonPath().getBoolean("useForPeeringService"));
    }
}
