package dev.peering.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.events.PeeringEvent;
import dev.peering.testsupport.TopicReader;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Read-your-writes across services (issue #12, ADR 0009), against the packaged services: a client that
 * creates a PeerAsn and at once a peering naming it is never refused because the PeerAsn's event is still
 * on its way to peering-service. The shared stack runs with a short PeerAsn arrival timeout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadYourWritesIT {

    static final Duration ARRIVAL_TIMEOUT = Stack.PEER_ASN_ARRIVAL_TIMEOUT;
    static final int PAIRS = 50;

    static Stack stack;
    static Api nobodysPeer;
    static String nobodysPeering;
    static String nobody;

    /**
     * The peering that names a PeerAsn that never exists is created first, so that its arrival timeout runs
     * out while the pairs are driven; the second test only checks how it ended.
     */
    @BeforeAll
    static void start() {
        stack = Stack.get();
        String sub = "sub-" + UUID.randomUUID();
        nobodysPeer = new Api(stack, stack.peerToken(sub));
        nobodysPeering = Api.peering(sub, "rg", "ix-nobody");
        nobody = Api.peerAsns(sub) + "/nobody";
        nobodysPeer
                .put(
                        Stack.PEERING,
                        nobodysPeering,
                        Api.peeringBody(sub, "nobody", Api.connection("c1", "206.81.83.10", null)))
                .then()
                .statusCode(201)
                .body("properties.provisioningState", equalTo("Updating"));
    }

    @Test
    @Order(1)
    void aPeeringSentRightAfterItsPeerAsnIsAcceptedAndProceeds() {
        String sub = "sub-" + UUID.randomUUID();
        Api peer = new Api(stack, stack.peerToken(sub));
        List<String> peerings = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String name = "asn" + i;
            peer.put(Stack.ASN, Api.peerAsns(sub) + "/" + name, Api.peerAsnBody(30000 + i))
                    .then()
                    .statusCode(201);
            String peering = Api.peering(sub, "rg", "ix-" + i);
            // no pause, no retry: the PeerAsn's event is most likely still in flight. The stack is shared with
            // the other system tests, and a peer address is one port's: these use 206.81.82.x, theirs 206.81.81.x.
            Response created = peer.put(
                    Stack.PEERING,
                    peering,
                    Api.peeringBody(sub, name, Api.connection("c1", "206.81.82." + (10 + i), null)));
            assertEquals(201, created.statusCode(), peering + ": " + created.asString());
            peerings.add(peering);
        }
        // each PeerAsn is approved after the local delay; every peering then hands its connection off
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    List<String> notProceeded = new ArrayList<>();
                    for (String peering : peerings) {
                        String state = peer.get(Stack.PEERING, peering)
                                .then()
                                .extract()
                                .path("properties.provisioningState");
                        if (!"Succeeded".equals(state)) {
                            notProceeded.add(peering + " " + state);
                        }
                    }
                    assertEquals(List.of(), notProceeded, "peerings that did not proceed");
                });
        try (TopicReader topic = new TopicReader(stack.kafka(), "peering.peering-events")) {
            List<TopicReader.Received> requested = topic.awaitExactly(
                    r -> r.event() != null
                            && sub.equals(r.event().subscription())
                            && PeeringEvent.CONNECTIONS_REQUESTED.equals(
                                    r.event().type()),
                    PAIRS);
            assertEquals(PAIRS, requested.size(), "one connectionsRequested per peering");
            assertEquals(
                    0,
                    topic.poll().stream()
                            .filter(r -> r.event() != null
                                    && sub.equals(r.event().subscription())
                                    && PeeringEvent.FAILED.equals(r.event().type()))
                            .count(),
                    "no peering failed");
        }
    }

    @Test
    @Order(2)
    void aPeeringNamingAPeerAsnThatNeverExistsFailsSayingSo() {
        String peering = nobodysPeering;
        await().atMost(ARRIVAL_TIMEOUT.plusSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> nobodysPeer
                        .get(Stack.PEERING, peering)
                        .then()
                        .body("properties.provisioningState", equalTo("Failed"))
                        .body("properties.errorMessage", containsString("'" + nobody + "'"))
                        .body("properties.errorMessage", containsString("asn-validation-service")));
        try (TopicReader topic = new TopicReader(stack.kafka(), "peering.peering-events")) {
            List<TopicReader.Received> events = topic.awaitSubjectExactly(peering, 2);
            assertEquals(
                    List.of(PeeringEvent.CREATED, PeeringEvent.FAILED),
                    events.stream().map(r -> r.event().type()).toList());
        }
    }
}
