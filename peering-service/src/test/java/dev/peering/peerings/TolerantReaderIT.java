package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.approve;
import static dev.peering.peerings.Fixtures.awaitKnown;
import static dev.peering.peerings.Fixtures.body;
import static dev.peering.peerings.Fixtures.get;
import static dev.peering.peerings.Fixtures.newSubscription;
import static dev.peering.peerings.Fixtures.peerAsnId;
import static dev.peering.peerings.Fixtures.peeringPath;
import static dev.peering.peerings.Fixtures.put;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
import dev.peering.events.PeerAsnEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TolerantReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0021's tolerant reader, for both consumers of this service: an enum value it does not know in a field it
 * reads, with a data property and an extension from a later contract, is applied, not dead-lettered. A
 * decision that hangs on the value (approve, fail) is not taken on a value it does not know; a read model
 * keeps what the owner said.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class TolerantReaderIT {

    @Test
    void anUnknownValidationStateNeitherApprovesNorFailsTheWaitingPeering() {
        String sub = newSubscription();
        Fixtures.pendingPeerAsn(sub, "contoso", 3356);
        awaitKnown(sub, "contoso");
        String path = peeringPath(sub, "rg1", "waits");
        put(path, body(peerAsnId(sub, "contoso"))).statusCode(201);

        String event = TolerantReader.grown(
                Fixtures.peerAsnEvent(
                        PeerAsnEvent.VALIDATION_STATE_CHANGED, sub, "contoso", 3356, "Pending", "Pending", null),
                Map.of("validationState", "PendingManualReverification"));
        TolerantReader.assertApplied(
                Fixtures.PEER_ASN_TOPIC,
                peerAsnId(sub, "contoso"),
                event,
                "peering-service.peer-asn-events",
                "peering-service.peer-asn-events.dlq");
        get(path).statusCode(200).body("properties.provisioningState", equalTo("Updating"));

        approve(sub, "contoso", 3356);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get(path).body("properties.provisioningState", equalTo("Succeeded")));
    }

    @Test
    void anUnknownConnectionStateIsKeptAsTheOwnerSaidIt() {
        String sub = PeeringApiIT.approvedSubscription();
        String path = peeringPath(sub, "rg1", "grows");
        put(path, body(peerAsnId(sub, "contoso"), "Seattle", "[" + PeeringApiIT.connection("c1", 10) + "]"))
                .statusCode(201);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get(path).body("properties.provisioningState", equalTo("Succeeded")));

        String event = TolerantReader.grown(
                connectionEvent(sub, path, "c1", "Active"),
                Map.of(
                        "connectionState",
                        "ReprovisioningAfterPlannedMaintenance",
                        "sessionStateV4",
                        "GracefulRestartInProgress"));
        TolerantReader.assertApplied(
                Fixtures.CONNECTION_TOPIC,
                path,
                event,
                "peering-service.connection-events",
                "peering-service.connection-events.dlq");
        // the read model shows the owner's value; the GET does not fail on it
        get(path)
                .statusCode(200)
                .body(
                        "properties.direct.connections[0].connectionState",
                        equalTo("ReprovisioningAfterPlannedMaintenance"))
                .body(
                        "properties.direct.connections[0].bgpSession.sessionStateV4",
                        equalTo("GracefulRestartInProgress"));

        TolerantReader.assertApplied(
                Fixtures.CONNECTION_TOPIC,
                path,
                connectionEvent(sub, path, "c1", "Active"),
                "peering-service.connection-events",
                "peering-service.connection-events.dlq");
        get(path).statusCode(200).body("properties.direct.connections[0].connectionState", equalTo("Active"));
    }

    private static String connectionEvent(String sub, String peeringId, String identifier, String state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("peeringId", peeringId);
        data.put("subscriptionId", sub);
        data.put("connectionIdentifier", identifier);
        data.put("peeringDBFacilityId", 143);
        data.put("connectionState", state);
        data.put("sessionStateV4", "Established");
        return EventJson.write(EventJson.newEvent(
                ConnectionEvent.STATE_CHANGED,
                ConnectionEvent.SOURCE,
                peeringId + "/connections/" + identifier,
                "corr-" + UUID.randomUUID(),
                sub,
                data));
    }
}
