package dev.peering.peerings;

import static dev.peering.peerings.Fixtures.body;
import static dev.peering.peerings.Fixtures.peerAsnId;
import static dev.peering.peerings.Fixtures.peeringPath;
import static dev.peering.peerings.Fixtures.put;
import static org.hamcrest.Matchers.equalTo;

import dev.peering.events.PeerAsnEvent;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Phase 1 of the restart: two peerings wait on Pending PeerAsns when the service stops. */
@QuarkusTest
@TestProfile(Restart.Phase1.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class RestartPhase1IT {

    @Test
    void peeringsWaitWhenTheServiceStops() {
        String sub = Fixtures.newSubscription();
        Restart.send(
                Fixtures.PEER_ASN_TOPIC,
                peerAsnId(sub, "approved-later"),
                Fixtures.peerAsnEvent(PeerAsnEvent.CREATED, sub, "approved-later", 3356, "None", "Pending", null));
        Restart.send(
                Fixtures.PEER_ASN_TOPIC,
                peerAsnId(sub, "failed-later"),
                Fixtures.peerAsnEvent(PeerAsnEvent.CREATED, sub, "failed-later", 65000, "None", "Pending", null));
        Fixtures.awaitKnown(sub, "approved-later");
        Fixtures.awaitKnown(sub, "failed-later");
        put(peeringPath(sub, "rg1", "to-approve"), body(peerAsnId(sub, "approved-later")))
                .statusCode(201)
                .body("properties.provisioningState", equalTo("Updating"));
        put(peeringPath(sub, "rg1", "to-fail"), body(peerAsnId(sub, "failed-later")))
                .statusCode(201)
                .body("properties.provisioningState", equalTo("Updating"));
        System.setProperty(Restart.SUBSCRIPTION, sub);
    }
}
