package dev.peering.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.testsupport.TopicReader;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The seed's unhappy stories, against the packaged services. */
class UnhappyStoriesIT {

    static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void anAsnThatFailsValidationFailsThePeeringThatWaitedOnIt() {
        Stack stack = Stack.get();
        String sub = "sub-" + UUID.randomUUID();
        Api peer = new Api(stack, stack.peerToken(sub));
        String peering = Api.peering(sub, "rg", "ix-private");
        // a private ASN is accepted, Pending, and fails when it is decided
        peer.put(Stack.ASN, Api.peerAsns(sub) + "/private", Api.peerAsnBody(64512))
                .then()
                .statusCode(201);
        Response created = await().atMost(STEP)
                .until(
                        () -> peer.put(
                                Stack.PEERING,
                                peering,
                                Api.peeringBody(sub, "private", Api.connection("c1", "206.81.81.20", null))),
                        r -> r.statusCode() != 400 || !r.asString().contains("names no PeerAsn"));
        created.then().statusCode(201).body("properties.provisioningState", equalTo("Updating"));

        await().atMost(STEP).untilAsserted(() -> peer.get(Stack.ASN, Api.peerAsns(sub) + "/private")
                .then()
                .body("properties.validationState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("private")));
        await().atMost(STEP).untilAsserted(() -> peer.get(Stack.PEERING, peering)
                .then()
                .body("properties.provisioningState", equalTo("Failed"))
                .body("properties.errorMessage", containsString("private")));
        try (TopicReader peerings = new TopicReader(stack.kafka(), "peering.peering-events")) {
            List<TopicReader.Received> events = peerings.awaitSubjectExactly(peering, 2);
            assertEquals(
                    List.of("dev.peering.peering.created", "dev.peering.peering.failed"),
                    events.stream().map(r -> r.event().type()).toList());
        }
        // nothing was handed to provisioning
        peer.get(Stack.CONNECTION, peering + "/connections/c1").then().statusCode(404);
    }

    @Test
    void aConnectionThatFailsValidationIsRetriedAfterThePeerFixesItsAddresses() {
        Stack stack = Stack.get();
        String sub = "sub-" + UUID.randomUUID();
        Api peer = new Api(stack, stack.peerToken(sub));
        String peering = Api.peering(sub, "rg", "ix-typo");
        peer.put(Stack.ASN, Api.peerAsns(sub) + "/contoso", Api.peerAsnBody(30001))
                .then()
                .statusCode(201);
        // the peer's session prefix is not the exchange's LAN: the form is valid, the facility check is not
        String wrong = Api.connection("c1", "206.81.81.30", null)
                .replace("206.81.80.0/22", "192.0.2.0/24")
                .replace("206.81.80.30", "192.0.2.1")
                .replace("206.81.81.30", "192.0.2.2");
        await().atMost(STEP)
                .until(
                        () -> peer.put(Stack.PEERING, peering, Api.peeringBody(sub, "contoso", wrong)),
                        r -> r.statusCode() != 400 || !r.asString().contains("names no PeerAsn"))
                .then()
                .statusCode(201);
        String connection = peering + "/connections/c1";
        await().atMost(STEP).untilAsserted(() -> peer.get(Stack.CONNECTION, connection)
                .then()
                .body("connectionState", equalTo("ProvisioningFailed"))
                .body("errorMessage", containsString("is not inside the SIX Seattle peering LAN 206.81.80.0/22")));
        await().atMost(STEP).untilAsserted(() -> peer.get(Stack.PEERING, peering)
                .then()
                .body("properties.direct.connections[0].connectionState", equalTo("ProvisioningFailed")));

        // the peer corrects its addresses; provisioning is retried and completes
        peer.put(Stack.CONNECTION, connection, Api.connection("c1", "206.81.81.30", null))
                .then()
                .statusCode(200)
                .body("connectionState", equalTo("ProvisioningStarted"));
        await().atMost(STEP).untilAsserted(() -> peer.get(Stack.PEERING, peering)
                .then()
                .body("properties.direct.connections[0].connectionState", equalTo("Active"))
                .body("properties.direct.connections[0].bgpSession.peerSessionIPv4Address", equalTo("206.81.81.30")));
        try (TopicReader connections = new TopicReader(stack.kafka(), "peering.connection-events")) {
            List<String> states = connections
                    .awaitExactly(
                            r -> r.event() != null
                                    && connection.equals(r.event().subject())
                                    && r.event().type().equals("dev.peering.connection.stateChanged"),
                            10)
                    .stream()
                    .map(r -> r.event().data().path("connectionState").asText())
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
                            "Validating",
                            "Active"),
                    states);
        }
    }
}
