package dev.peering.asn;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.asn.messaging.PeeringEventsConsumer;
import dev.peering.events.EventJson;
import dev.peering.events.PeeringEvent;
import dev.peering.platform.inbox.AppliedEvents;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.Scrape;
import dev.peering.testsupport.TokensTestResource;
import dev.peering.testsupport.TopicReader;
import dev.peering.testsupport.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The peering-events consumer: which PeerAsns live peerings use, poison events, redelivery. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class PeeringUsageIT {

    static final String PEERINGS = "peering.peering-events";

    @Inject
    AppliedEvents applied;

    static String peeringEvent(String type, String peeringId, String peerAsnId, String sub) {
        return EventJson.write(EventJson.newEvent(
                type,
                PeeringEvent.SOURCE,
                peeringId,
                "corr-test",
                sub,
                new PeeringEvent(peeringId, sub, "rg", "p", peerAsnId, "Seattle", null, "Updating", null, List.of())));
    }

    @Test
    void aPeerAsnUsedByALivePeeringCannotBeDeleted() {
        String sub = "sub-" + UUID.randomUUID();
        String path = "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/used";
        given().queryParam("api-version", "2022-10-01")
                .contentType(ContentType.JSON)
                .body(PeerAsnApiIT.body(3356, "Contoso"))
                .put(path)
                .then()
                .statusCode(201);
        String peeringId = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Peering/peerings/p";
        String created = peeringEvent(PeeringEvent.CREATED, peeringId, path, sub);
        TopicWriter.send(PEERINGS, peeringId, created);
        // the same event delivered twice is applied once; deleting the peering frees the PeerAsn
        TopicWriter.send(PEERINGS, peeringId, created);
        awaitApplied(created);

        given().queryParam("api-version", "2022-10-01")
                .delete(path)
                .then()
                .statusCode(409)
                .body("error.code", equalTo("PeerAsnInUse"))
                .body("error.message", containsString(peeringId));

        String deleted = peeringEvent(PeeringEvent.DELETED, peeringId, path, sub);
        TopicWriter.send(PEERINGS, peeringId, deleted);
        awaitApplied(deleted);
        given().queryParam("api-version", "2022-10-01").delete(path).then().statusCode(200);
    }

    /** Waits until the consumer recorded the event as applied (the idempotent-consumer log). */
    void awaitApplied(String event) {
        String id = EventJson.read(event).id();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> applied.wasApplied("asn-validation-service." + PeeringEventsConsumer.CHANNEL, id));
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String marker = UUID.randomUUID().toString();
        String[] channel = {"channel=\"peering-events\"", "topic=\"asn-validation-service.peering-events.dlq\""};
        double deadBefore = Scrape.value("peering_dlq_records", channel);
        try (TopicReader dlq = new TopicReader("asn-validation-service.peering-events.dlq")) {
            String sub = "sub-" + marker;
            String key = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Peering/peerings/x";
            TopicWriter.send(PEERINGS, key, "{not json " + marker);
            String unknownType = peeringEvent("dev.peering.peering.somethingNew", key, "a", sub);
            TopicWriter.send(PEERINGS, key, unknownType);

            var dead = dlq.awaitExactly(r -> key.equals(r.key()), 2);
            assertEquals(2, dead.size());
            for (var d : dead) {
                assertNotNull(d.headers().get("dead-letter-reason"));
                assertEquals(PEERINGS, d.headers().get("dead-letter-topic"));
                assertNotNull(d.headers().get("dead-letter-partition"));
                assertNotNull(d.headers().get("dead-letter-offset"));
            }
        }
        // the gauge counts what the dead-letter topic holds (alert DeadLetterRecords), within a refresh interval
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertTrue(Scrape.value("peering_dlq_records", channel) >= deadBefore + 2));
        // a good event after the poison is still applied
        aPeerAsnUsedByALivePeeringCannotBeDeleted();
    }
}
