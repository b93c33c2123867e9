package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.API;
import static dev.peering.peerings.Fixtures.SEATTLE_CONNECTION;
import static dev.peering.peerings.Fixtures.approve;
import static dev.peering.peerings.Fixtures.awaitKnown;
import static dev.peering.peerings.Fixtures.body;
import static dev.peering.peerings.Fixtures.get;
import static dev.peering.peerings.Fixtures.newSubscription;
import static dev.peering.peerings.Fixtures.peerAsnId;
import static dev.peering.peerings.Fixtures.peeringPath;
import static dev.peering.peerings.Fixtures.put;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.AgreementEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.events.Topics;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Create (waiting on the PeerAsn or not), modify, list, delete and deprovision a peering. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeeringApiIT {

    static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader(Fixtures.PEERING_TOPIC);
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    /** A subscription with an Approved PeerAsn 'contoso' that this service already knows. */
    static String approvedSubscription() {
        String sub = newSubscription();
        approve(sub, "contoso", 3356);
        awaitKnown(sub, "contoso");
        return sub;
    }

    static String connection(String identifier, int peerHost) {
        return SEATTLE_CONNECTION
                .replace(
                        "\"peeringDBFacilityId\"",
                        "\"connectionIdentifier\":\"" + identifier + "\",\"peeringDBFacilityId\"")
                .replace("206.81.81.10", "206.81.81." + peerHost);
    }

    @Test
    void anApprovedPeerAsnHandsTheConnectionsToProvisioningAtOnce() {
        String sub = approvedSubscription();
        String path = peeringPath(sub, "rg1", "seattle-rs");
        String correlation = "corr-" + UUID.randomUUID();
        given().queryParam("api-version", API)
                .header("x-ms-correlation-request-id", correlation)
                .contentType(ContentType.JSON)
                .body(body(peerAsnId(sub, "contoso")))
                .put(path)
                .then()
                .statusCode(201)
                .header("x-ms-correlation-request-id", correlation)
                .body("id", equalTo(path))
                .body("name", equalTo("seattle-rs"))
                .body("type", equalTo("Microsoft.Peering/peerings"))
                .body("kind", equalTo("Direct"))
                .body("location", equalTo("westus2"))
                .body("sku.name", equalTo("Premium_Direct_Free"))
                .body("sku.tier", equalTo("Premium"))
                .body("sku.family", equalTo("Direct"))
                .body("sku.size", equalTo("Free"))
                .body("properties.peeringLocation", equalTo("Seattle"))
                .body("properties.provisioningState", equalTo("Succeeded"))
                .body("properties.direct.directPeeringType", equalTo("IxRs"))
                .body("properties.direct.peerAsn.id", equalTo(peerAsnId(sub, "contoso")))
                .body("properties.direct.useForPeeringService", equalTo(false))
                .body("properties.direct.connections", hasSize(1))
                .body("properties.direct.connections[0].connectionIdentifier", notNullValue())
                .body("properties.direct.connections[0].microsoftTrackingId", startsWith("MSFT-"))
                .body("properties.direct.connections[0].connectionState", equalTo("PendingApproval"))
                .body("properties.direct.connections[0].provisionedBandwidthInMbps", equalTo(0))
                .body("properties.direct.connections[0].useForPeeringService", equalTo(false))
                .body("properties.direct.connections[0].bgpSession.sessionStateV4", equalTo("PendingAdd"))
                .body("properties.direct.connections[0].bgpSession.sessionStateV6", equalTo("None"));

        List<TopicReader.Received> events = topic.awaitSubject(path, 2);
        TopicReader.Received created = events.get(0);
        assertEquals(PeeringEvent.CREATED, created.event().type());
        assertEquals(path, created.key());
        assertEquals(PeeringEvent.SOURCE, created.event().source());
        assertEquals(sub, created.event().subscription());
        assertEquals(correlation, created.event().correlationid());
        PeeringEvent createdData = created.event().dataAs(PeeringEvent.class);
        assertEquals("Updating", createdData.provisioningState());
        assertEquals(peerAsnId(sub, "contoso"), createdData.peerAsnId());
        assertEquals(1, createdData.connections().size());
        TopicReader.Received requested = events.get(1);
        assertEquals(PeeringEvent.CONNECTIONS_REQUESTED, requested.event().type());
        assertEquals(correlation, requested.event().correlationid());
        PeeringEvent requestedData = requested.event().dataAs(PeeringEvent.class);
        assertEquals("Updating", requestedData.previousProvisioningState());
        assertEquals("Succeeded", requestedData.provisioningState());
        assertEquals(1, requestedData.connections().size());
        PeeringEvent.Connection c = requestedData.connections().get(0);
        assertEquals(143, c.peeringDBFacilityId());
        assertEquals("206.81.81.10", c.peerSessionIPv4Address());
        assertEquals("Peer", c.sessionAddressProvider());
    }

    @Test
    void aPendingPeerAsnMakesThePeeringWaitUntilApproval() {
        String sub = newSubscription();
        Fixtures.pendingPeerAsn(sub, "contoso", 3356);
        awaitKnown(sub, "contoso");
        String path = peeringPath(sub, "rg1", "waits");
        // ARM ids compare case-insensitively; the stored id is the PeerAsn's own spelling
        String sentId = peerAsnId(sub.toUpperCase(), "CONTOSO");
        put(path, body(sentId))
                .statusCode(201)
                .body("properties.provisioningState", equalTo("Updating"))
                .body("properties.direct.peerAsn.id", equalTo(peerAsnId(sub, "contoso")))
                .body("properties.direct.connections[0].connectionState", equalTo("PendingApproval"));
        get(path).statusCode(200).body("properties.provisioningState", equalTo("Updating"));

        approve(sub, "contoso", 3356);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                .body("properties.provisioningState", equalTo("Succeeded"))
                .body("properties.errorMessage", nullValue()));
        List<TopicReader.Received> events = topic.awaitSubjectExactly(path, 2);
        assertEquals(2, events.size());
        assertEquals(PeeringEvent.CREATED, events.get(0).event().type());
        assertEquals(PeeringEvent.CONNECTIONS_REQUESTED, events.get(1).event().type());
        // the approval continues the workflow of the request that created the peering
        assertEquals(
                events.get(0).event().correlationid(), events.get(1).event().correlationid());
        assertEquals(
                1,
                events.get(1).event().dataAs(PeeringEvent.class).connections().size());
    }

    @Test
    void aPeerAsnThatFailsLaterFailsThePeeringSayingWhy() {
        String sub = newSubscription();
        Fixtures.pendingPeerAsn(sub, "private", 65000);
        awaitKnown(sub, "private");
        String path = peeringPath(sub, "rg1", "doomed");
        put(path, body(peerAsnId(sub, "private"))).statusCode(201);

        Fixtures.fail(sub, "private", 65000, "ASN 65000 is in a private range.");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                .body("properties.provisioningState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("AS65000"))
                .body("properties.errorMessage", containsString("private range")));
        List<TopicReader.Received> events = topic.awaitSubject(path, 2);
        assertEquals(PeeringEvent.FAILED, events.get(1).event().type());
        PeeringEvent failed = events.get(1).event().dataAs(PeeringEvent.class);
        assertTrue(failed.errorMessage().contains("private range"), failed.errorMessage());
        assertEquals("Failed", failed.provisioningState());

        // a failed peering takes no new connections
        put(path, body(peerAsnId(sub, "private"), "Seattle", "[" + connection("another", 11) + "]"))
                .statusCode(400)
                .body("error.code", equalTo("ConnectionRemovalNotAllowed"));
        String id = get(path).extract().jsonPath().getString("properties.direct.connections[0].connectionIdentifier");
        put(
                        path,
                        body(
                                peerAsnId(sub, "private"),
                                "Seattle",
                                "[" + connection(id, 10) + "," + connection("another", 11) + "]"))
                .statusCode(409)
                .body("error.code", equalTo("PeeringFailed"));
    }

    @Test
    void aPeerAsnThatAlreadyFailedIsRefused() {
        String sub = newSubscription();
        Fixtures.peerAsn(
                dev.peering.events.PeerAsnEvent.VALIDATION_STATE_CHANGED,
                sub,
                "bad",
                64512,
                "Pending",
                "Failed",
                "ASN 64512 is in a private range.");
        awaitKnown(sub, "bad");
        String path = peeringPath(sub, "rg1", "never");
        put(path, body(peerAsnId(sub, "bad")))
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"))
                .body("error.message", containsString("properties.direct.peerAsn.id"))
                .body("error.message", containsString("private range"));
        get(path).statusCode(404);
    }

    @Test
    void aPutAddsConnectionsButNeitherDropsNorChangesThemNorTheBasics() {
        String sub = approvedSubscription();
        Fixtures.approve(sub, "other", 174);
        awaitKnown(sub, "other");
        String path = peeringPath(sub, "rg1", "grows");
        String asn = peerAsnId(sub, "contoso");
        put(path, body(asn, "Seattle", "[" + connection("conn-1", 10) + "]")).statusCode(201);

        // GET's body sent back as it is changes nothing
        String current = get(path).extract().asString();
        put(path, current).statusCode(200).body("properties.direct.connections", hasSize(1));

        put(
                        path,
                        body(
                                asn,
                                "Seattle",
                                "[" + connection("conn-1", 10) + ","
                                        + SEATTLE_CONNECTION.replace("206.81.81.10", "206.81.81.20") + "]"))
                .statusCode(200)
                .body("properties.direct.connections", hasSize(2))
                .body("properties.direct.connections[1].connectionIdentifier", notNullValue());
        List<TopicReader.Received> events = topic.awaitSubject(path, 3);
        assertEquals(PeeringEvent.CONNECTIONS_REQUESTED, events.get(2).event().type());
        List<PeeringEvent.Connection> added =
                events.get(2).event().dataAs(PeeringEvent.class).connections();
        assertEquals(1, added.size());
        assertEquals("206.81.81.20", added.get(0).peerSessionIPv4Address());

        put(path, body(asn, "Seattle", "[" + connection("conn-1", 10) + "]"))
                .statusCode(400)
                .body("error.code", equalTo("ConnectionRemovalNotAllowed"))
                .body("error.message", containsString("/connections/"))
                .body("error.message", containsString("confirm=yes"));
        String second =
                get(path).extract().jsonPath().getString("properties.direct.connections[1].connectionIdentifier");
        String both = "[" + connection("conn-1", 10) + "," + connection(second, 20) + "]";
        put(path, body(asn, "Seattle", "[" + connection("conn-1", 12) + "," + connection(second, 20) + "]"))
                .statusCode(400)
                .body("error.code", equalTo("ConnectionChangeNotAllowed"))
                .body("error.message", containsString("connections[0]"));
        put(path, body(asn, "Amsterdam", both))
                .statusCode(400)
                .body("error.message", containsString("'properties.peeringLocation' cannot change"));
        put(path, body(peerAsnId(sub, "other"), "Seattle", both))
                .statusCode(400)
                .body("error.message", containsString("'properties.direct.peerAsn.id' cannot change"));
        put(path, body(asn, "Seattle", both).replace("westus2", "eastus"))
                .statusCode(400)
                .body("error.message", containsString("'location' cannot change"));
        get(path).body("properties.direct.connections", hasSize(2)).body("location", equalTo("westus2"));
    }

    @Test
    void patchChangesTagsOnly() {
        String sub = approvedSubscription();
        String path = peeringPath(sub, "rg1", "tagged");
        put(path, body(peerAsnId(sub, "contoso"))).statusCode(201);
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"tags\":{\"team\":\"noc\",\"env\":\"prod\"}}")
                .patch(path)
                .then()
                .statusCode(200)
                .body("tags.team", equalTo("noc"))
                .body("tags.env", equalTo("prod"));
        get(path).body("tags.team", equalTo("noc"));
        TopicReader.Received updated = topic.awaitEvents(
                        r -> r.event() != null
                                && path.equals(r.event().subject())
                                && PeeringEvent.UPDATED.equals(r.event().type()),
                        1)
                .get(0);
        assertEquals(path, updated.key());

        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"properties\":{\"peeringLocation\":\"Amsterdam\"}}")
                .patch(path)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("InvalidRequestContent"))
                .body("error.message", containsString("'properties' cannot change with PATCH"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"tags\":{\"team\":7}}")
                .patch(path)
                .then()
                .statusCode(400)
                .body("error.message", containsString("tags.team"));
        given().queryParam("api-version", API)
                .contentType(ContentType.JSON)
                .body("{\"tags\":{}}")
                .patch(peeringPath(sub, "rg1", "missing"))
                .then()
                .statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"));
        get(path).body("properties.peeringLocation", equalTo("Seattle")).body("tags.team", equalTo("noc"));
    }

    @Test
    void thePeerCannotDeleteAPeering() {
        String sub = approvedSubscription();
        String path = peeringPath(sub, "rg1", "kept");
        put(path, body(peerAsnId(sub, "contoso"))).statusCode(201);
        given().queryParam("api-version", API)
                .delete(path)
                .then()
                .statusCode(409)
                .body("error.code", equalTo("DeprovisionNotAllowed"))
                .body("error.message", containsString("contact Microsoft peering"));
        get(path).statusCode(200);
        given().queryParam("api-version", API)
                .delete(peeringPath(sub, "rg1", "never-was"))
                .then()
                .statusCode(204);
    }

    @Test
    void deprovisioningAWaitingPeeringRemovesItAtOnce() {
        String sub = newSubscription();
        Fixtures.pendingPeerAsn(sub, "contoso", 3356);
        awaitKnown(sub, "contoso");
        String path = peeringPath(sub, "rg1", "short-lived");
        put(path, body(peerAsnId(sub, "contoso"))).statusCode(201);
        given().queryParam("api-version", API)
                .post(path + "/deprovision")
                .then()
                .statusCode(200);
        get(path).statusCode(404);
        List<TopicReader.Received> events = topic.awaitSubject(path, 3);
        assertEquals(PeeringEvent.DEPROVISION_REQUESTED, events.get(1).event().type());
        assertEquals(
                0,
                events.get(1).event().dataAs(PeeringEvent.class).connections().size());
        assertEquals(PeeringEvent.DELETED, events.get(2).event().type());
        // ADR 0022: the peering's snapshot with each change, in its transaction, and a tombstone at the end
        try (TopicReader state = new TopicReader(Topics.PEERINGS_STATE)) {
            List<TopicReader.Received> snapshots = state.awaitExactly(r -> path.equals(r.key()), 3);
            assertEquals(PeeringEvent.STATE, snapshots.get(0).event().type());
            PeeringEvent created = snapshots.get(0).event().dataAs(PeeringEvent.class);
            assertEquals("Updating", created.provisioningState());
            assertEquals(null, created.previousProvisioningState());
            assertEquals(null, created.connections(), "connections are their owner's: connection-service");
            assertEquals(
                    "Deleting",
                    snapshots.get(1).event().dataAs(PeeringEvent.class).provisioningState());
            assertEquals(null, snapshots.get(2).value(), "a tombstone when the peering is gone");
        }
        // the approval that comes later finds nothing waiting
        approve(sub, "contoso", 3356);
        given().queryParam("api-version", API)
                .post(peeringPath(sub, "rg1", "never-was") + "/deprovision")
                .then()
                .statusCode(404);
    }

    @Test
    void listsPageWithNextLink() {
        String sub = approvedSubscription();
        for (String name : List.of("a", "b", "c")) {
            put(peeringPath(sub, "rg1", name), body(peerAsnId(sub, "contoso"))).statusCode(201);
        }
        put(peeringPath(sub, "rg2", "d"), body(peerAsnId(sub, "contoso"))).statusCode(201);

        String rgList = "/subscriptions/" + sub + "/resourceGroups/rg1/providers/Microsoft.Peering/peerings";
        // as a client sends it: "$" unescaped (RestAssured would escape it)
        JsonPath first = given().urlEncodingEnabled(false)
                .get(rgList + "?api-version=" + API + "&$top=2")
                .then()
                .statusCode(200)
                .body("value", hasSize(2))
                .body("value[0].name", equalTo("a"))
                .body("value[1].name", equalTo("b"))
                .body("nextLink", containsString("$skipToken="))
                .extract()
                .jsonPath();
        given().urlEncodingEnabled(false)
                .get(first.getString("nextLink"))
                .then()
                .statusCode(200)
                .body("value", hasSize(1))
                .body("value[0].name", equalTo("c"))
                .body("nextLink", nullValue());

        String subList = "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerings";
        JsonPath all = given().urlEncodingEnabled(false)
                .get(subList + "?api-version=" + API + "&$top=3")
                .then()
                .statusCode(200)
                .body("value", hasSize(3))
                .extract()
                .jsonPath();
        given().urlEncodingEnabled(false)
                .get(all.getString("nextLink"))
                .then()
                .statusCode(200)
                .body("value", hasSize(1))
                .body("value[0].name", equalTo("d"))
                .body("value[0].id", equalTo(peeringPath(sub, "rg2", "d")));
        given().queryParam("api-version", API)
                .get("/subscriptions/" + newSubscription() + "/providers/Microsoft.Peering/peerings")
                .then()
                .statusCode(200)
                .body("value", hasSize(0));
    }

    @Test
    void peeringServiceNeedsTheOperatorsAgreement() {
        String sub = approvedSubscription();
        String path = peeringPath(sub, "rg1", "ps");
        String withPs = body(
                peerAsnId(sub, "contoso"),
                "Seattle",
                "["
                        + SEATTLE_CONNECTION.replace(
                                "\"sessionAddressProvider\"",
                                "\"useForPeeringService\":true,\"sessionAddressProvider\"")
                        + "]");
        put(path, withPs)
                .statusCode(400)
                .body("error.message", containsString("properties.direct.connections[0].useForPeeringService"))
                .body("error.message", containsString("Peering Service agreement"));
        get(path).statusCode(404);

        String agreement = "/subscriptions/" + sub + "/providers/Microsoft.Peering/peeringServiceAgreement";
        get(agreement).statusCode(200).body("agreed", equalTo(false));
        given().queryParam("api-version", API)
                .put(agreement)
                .then()
                .statusCode(200)
                .body("agreed", equalTo(true));
        put(path, withPs)
                .statusCode(201)
                .body("properties.direct.useForPeeringService", equalTo(true))
                .body("properties.direct.connections[0].useForPeeringService", equalTo(true));
        given().queryParam("api-version", API).delete(agreement).then().statusCode(200);
        get(agreement).body("agreed", equalTo(false));
        given().queryParam("api-version", API).delete(agreement).then().statusCode(204);

        // published for connection-service: granted once (a second PUT changes nothing), then revoked
        given().queryParam("api-version", API).put(agreement).then().statusCode(200);
        List<TopicReader.Received> events = topic.awaitSubjectExactly(agreement, 3);
        assertEquals(
                List.of(AgreementEvent.GRANTED, AgreementEvent.REVOKED, AgreementEvent.GRANTED),
                events.stream().map(r -> r.event().type()).toList());
        assertEquals(agreement, events.get(0).key());
        AgreementEvent granted = events.get(0).event().dataAs(AgreementEvent.class);
        assertEquals(sub, granted.subscriptionId());
        assertTrue(granted.agreed());
        assertFalse(events.get(1).event().dataAs(AgreementEvent.class).agreed());
    }
}
