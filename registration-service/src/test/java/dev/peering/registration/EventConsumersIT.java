package dev.peering.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.events.ConnectionEvent;
import dev.peering.events.EventJson;
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
import org.junit.jupiter.api.Test;

/** Both consumers: poison and unknown event types go to the channel's dead-letter topic, and the consumer goes on. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class EventConsumersIT {

    @Test
    void poisonPeeringEventsAreDeadLetteredAndTheConsumerGoesOn() {
        String sub = Fixtures.newSubscription();
        String key = Fixtures.peeringId(sub, "x");
        assertPoisonIsDeadLettered(
                Fixtures.PEERINGS,
                "registration-service.peering-events.dlq",
                key,
                new PeeringEvent(key, sub, "rg", "x", null, null, null, null, null, List.of()));
    }

    @Test
    void poisonConnectionEventsAreDeadLetteredAndTheConsumerGoesOn() {
        String sub = Fixtures.newSubscription();
        String key = Fixtures.peeringId(sub, "x");
        assertPoisonIsDeadLettered(
                Fixtures.CONNECTIONS,
                "registration-service.connection-events.dlq",
                key,
                new ConnectionEvent(
                        key, sub, "conn1", 1, null, "Active", null, null, null, null, null, null, null, null, null,
                        null, null));
    }

    private static void assertPoisonIsDeadLettered(String topic, String dlqTopic, String key, Object data) {
        try (TopicReader dlq = new TopicReader(dlqTopic)) {
            TopicWriter.send(topic, key, "{not json " + UUID.randomUUID());
            TopicWriter.send(
                    topic,
                    key,
                    EventJson.write(EventJson.newEvent(
                            "dev.peering.somethingNew", PeeringEvent.SOURCE, key, "corr", "sub", data)));
            var dead = dlq.awaitExactly(r -> key.equals(r.key()), 2);
            assertEquals(2, dead.size());
            for (var d : dead) {
                assertNotNull(d.headers().get("dead-letter-reason"));
                assertEquals(topic, d.headers().get("dead-letter-topic"));
            }
            assertTrue(dead.get(1).headers().get("dead-letter-reason").contains("unknown"));
        }
        // good events after the poison are still applied: a registration goes through
        String good = Fixtures.newSubscription();
        Fixtures.activePeering(good, "ix");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Fixtures.putRegisteredAsn(
                        good, "ix", "c", Fixtures.asnBody(3356))
                .statusCode(201));
    }
}
