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
        peer.put(Stack.ASN, Api.peerAsns(sub) + "/private", Api.peerAsnBody(64512)).then().statusCode(201);
        Response created = await().atMost(STEP)
                .until(
                        () -> peer.put(
                                Stack.PEERING,
                                peering,
                                Api.peeringBody(sub, "private", Api.connection("c1", "206.81.81.20", null))),
                        r -> r.statusCode() != 400 || !r.asString().contains("a moment"));
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
            List<TopicReader.Received> events = peerings.awaitSubject(peering, 2);
            assertEquals(
                    List.of("dev.peering.peering.created", "dev.peering.peering.failed"),
                    events.stream().map(r -> r.event().type()).toList());
        }
        // nothing was handed to provisioning
        peer.get(Stack.CONNECTION, peering + "/connections/c1").then().statusCode(404);
    }
}
