package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.API;
import static dev.peering.peerings.Fixtures.body;
import static dev.peering.peerings.Fixtures.connectionEvent;
import static dev.peering.peerings.Fixtures.get;
import static dev.peering.peerings.Fixtures.peerAsnId;
import static dev.peering.peerings.Fixtures.peeringPath;
import static dev.peering.peerings.Fixtures.put;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import dev.peering.testsupport.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The peering's view of its connections follows the connection topic; deprovisioning waits for it. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class ReadModelIT {

    // the issue: GET shows what the connection topic reports within a second of the event
    static final Duration WITHIN = Duration.ofSeconds(1);

    static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader(Fixtures.PEERING_TOPIC);
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    static String createdPeering(String sub, String name) {
        Fixtures.approve(sub, "contoso", 3356);
        Fixtures.awaitKnown(sub, "contoso");
        String path = peeringPath(sub, "rg1", name);
        put(path, body(peerAsnId(sub, "contoso"), "Seattle", "[" + PeeringApiIT.connection("c1", 10) + "]"))
                .statusCode(201);
        return path;
    }

    static void awaitConnection(String path, int index, String field, Object value) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> get(path)
                .body("properties.direct.connections[" + index + "]." + field, equalTo(value)));
    }

    @Test
    void getShowsTheStatesTheConnectionTopicReports() {
        String sub = Fixtures.newSubscription();
        String path = createdPeering(sub, "followed");
        // the first event of a test may wait for the consumer to be assigned its partition
        connectionEvent(
                ConnectionEvent.STATE_CHANGED, sub, path, "c1", "PendingApproval", "Approved", null, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                .body("properties.direct.connections[0].connectionState", equalTo("Approved")));

        connectionEvent(
                ConnectionEvent.STATE_CHANGED, sub, path, "c1", "Approved", "ProvisioningStarted", null, null, null);
        awaitConnection(path, 0, "connectionState", "ProvisioningStarted");
        connectionEvent(ConnectionEvent.STATE_CHANGED, sub, path, "c1", "Validating", "Active", "Idle", null, 10000);
        awaitConnection(path, 0, "connectionState", "Active");
        get(path)
                .body("properties.direct.connections[0].provisionedBandwidthInMbps", equalTo(10000))
                .body("properties.direct.connections[0].bgpSession.sessionStateV4", equalTo("Idle"));
        connectionEvent(
                ConnectionEvent.SESSION_STATE_CHANGED, sub, path, "c1", null, "Active", "Established", null, null);
        awaitConnection(path, 0, "bgpSession.sessionStateV4", "Established");
        get(path)
                .body("properties.direct.connections[0].connectionState", equalTo("Active"))
                .body("properties.provisioningState", equalTo("Succeeded"));
    }

    @Test
    void aConnectionAddedOnConnectionServiceShowsUpAndARemovedOneGoes() {
        String sub = Fixtures.newSubscription();
        String path = createdPeering(sub, "both-paths");
        connectionEvent(ConnectionEvent.STATE_CHANGED, sub, path, "c2", null, "PendingApproval", null, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                .body("properties.direct.connections", hasSize(2))
                .body("properties.direct.connections[1].connectionIdentifier", equalTo("c2"))
                .body("properties.direct.connections[1].connectionState", equalTo("PendingApproval"))
                .body("properties.direct.connections[1].peeringDBFacilityId", equalTo(143))
                .body("properties.direct.connections[1].bgpSession.peerSessionIPv4Address", equalTo("206.81.81.10")));

        // the peering's PUT now has to keep c2 too: both services agree on the connections
        put(path, body(peerAsnId(sub, "contoso"), "Seattle", "[" + PeeringApiIT.connection("c1", 10) + "]"))
                .statusCode(400)
                .body("error.code", equalTo("ConnectionRemovalNotAllowed"));

        connectionEvent(ConnectionEvent.REMOVED, sub, path, "c2", "Active", null, null, null, null);
        awaitConnection(path, 0, "connectionIdentifier", "c1");
        await().atMost(WITHIN).untilAsserted(() -> get(path).body("properties.direct.connections", hasSize(1)));
    }

    @Test
    void deprovisioningEndsWhenConnectionServiceRemovedEveryConnection() {
        String sub = Fixtures.newSubscription();
        String path = createdPeering(sub, "retired");
        given().queryParam("api-version", API)
                .post(path + "/deprovision")
                .then()
                .statusCode(202)
                .body("properties.provisioningState", equalTo("Deleting"));
        List<TopicReader.Received> events = topic.awaitSubject(path, 3);
        assertEquals(PeeringEvent.DEPROVISION_REQUESTED, events.get(2).event().type());
        PeeringEvent deprovision = events.get(2).event().dataAs(PeeringEvent.class);
        assertEquals("c1", deprovision.connections().get(0).connectionIdentifier());
        get(path).statusCode(200).body("properties.provisioningState", equalTo("Deleting"));
        // no changes while it goes
        given().queryParam("api-version", API)
                .contentType("application/json")
                .body("{\"tags\":{}}")
                .patch(path)
                .then()
                .statusCode(409)
                .body("error.code", equalTo("PeeringIsDeprovisioning"));

        connectionEvent(ConnectionEvent.STATE_CHANGED, sub, path, "c1", "Active", "Active", "Idle", null, null);
        connectionEvent(ConnectionEvent.REMOVED, sub, path, "c1", "Active", null, null, null, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path).statusCode(404));
        List<TopicReader.Received> all = topic.awaitSubject(path, 4);
        assertEquals(PeeringEvent.DELETED, all.get(3).event().type());
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicsAndConsumersGoOn() {
        String marker = UUID.randomUUID().toString();
        String sub = Fixtures.newSubscription();
        String path = createdPeering(sub, "poisoned");
        try (TopicReader connectionDlq = new TopicReader("peering-service.connection-events.dlq");
                TopicReader asnDlq = new TopicReader("peering-service.peer-asn-events.dlq")) {
            TopicWriter.send(Fixtures.CONNECTION_TOPIC, path, "{not json " + marker);
            connectionEvent("dev.peering.connection.somethingNew", sub, path, "c1", null, "Active", null, null, null);
            TopicWriter.send(Fixtures.PEER_ASN_TOPIC, "x", "{not json " + marker);
            connectionEvent(
                    ConnectionEvent.STATE_CHANGED, sub, path, "c1", "PendingApproval", "Approved", null, null, null);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(path)
                    .body("properties.direct.connections[0].connectionState", equalTo("Approved")));
            assertTrue(connectionDlq
                    .awaitEvents(r -> r.value().contains(marker), 1)
                    .get(0)
                    .value()
                    .contains(marker));
            assertEquals(
                    "dev.peering.connection.somethingNew",
                    connectionDlq
                            .awaitEvents(r -> r.event() != null && path.equals(r.key()), 1)
                            .get(0)
                            .event()
                            .type());
            asnDlq.awaitEvents(r -> r.value().contains(marker), 1);
        }
    }
}
