package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.get;
import static dev.peering.peerings.Fixtures.peeringPath;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phase 2 of the restart: the service starts again; the PeerAsns' decisions still reach the waiting peerings. */
@QuarkusTest
@TestProfile(Restart.Phase2.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class RestartPhase2IT {

    @Test
    void theDecisionsAfterTheRestartCompleteTheWaitingPeerings() {
        String sub = System.getProperty(Restart.SUBSCRIPTION);
        assertNotNull(sub, "RestartPhase1IT must run first (the two run in name order)");
        String toApprove = peeringPath(sub, "rg1", "to-approve");
        String toFail = peeringPath(sub, "rg1", "to-fail");
        // the restart alone changes nothing
        get(toApprove)
                .statusCode(200)
                .body("properties.provisioningState", equalTo("Updating"))
                .body("properties.direct.connections[0].connectionState", equalTo("PendingApproval"));
        get(toFail).statusCode(200).body("properties.provisioningState", equalTo("Updating"));

        Restart.send(
                Fixtures.PEER_ASN_TOPIC,
                Fixtures.peerAsnId(sub, "approved-later"),
                Fixtures.peerAsnEvent(
                        PeerAsnEvent.VALIDATION_STATE_CHANGED,
                        sub,
                        "approved-later",
                        3356,
                        "Pending",
                        "Approved",
                        null));
        Restart.send(
                Fixtures.PEER_ASN_TOPIC,
                Fixtures.peerAsnId(sub, "failed-later"),
                Fixtures.peerAsnEvent(
                        PeerAsnEvent.VALIDATION_STATE_CHANGED,
                        sub,
                        "failed-later",
                        65000,
                        "Pending",
                        "Failed",
                        "ASN 65000 is in a private range."));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get(toApprove).body("properties.provisioningState", equalTo("Succeeded")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(toFail)
                .body("properties.provisioningState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("private range")));

        try (TopicReader topic = new TopicReader(Restart.bootstrapServers(), Fixtures.PEERING_TOPIC)) {
            List<TopicReader.Received> approved = topic.awaitSubject(toApprove, 2);
            assertEquals(
                    List.of(PeeringEvent.CREATED, PeeringEvent.CONNECTIONS_REQUESTED),
                    approved.stream().map(r -> r.event().type()).toList());
            List<TopicReader.Received> failed = topic.awaitSubject(toFail, 2);
            assertEquals(
                    List.of(PeeringEvent.CREATED, PeeringEvent.FAILED),
                    failed.stream().map(r -> r.event().type()).toList());
        }
    }
}
