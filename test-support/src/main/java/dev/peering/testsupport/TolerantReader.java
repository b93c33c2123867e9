package dev.peering.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peering.events.EventJson;
import dev.peering.platform.inbox.AppliedEvents;
import io.quarkus.arc.Arc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tolerant-reader check of ADR 0021, one per consumer: an event as a later version of its producer may
 * write it (an enum value this consumer does not know in a field it reads, a data property and a CloudEvents
 * extension it has never seen) is applied like any other (recorded in the inbox), not dead-lettered, and
 * the consumer goes on.
 */
public final class TolerantReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TolerantReader() {}

    /**
     * {@code eventJson} grown as a later contract might grow it: {@code data} fields set to {@code values}
     * (an enum value from the future, say), plus a property and an extension attribute nobody knows yet.
     */
    public static String grown(String eventJson, Map<String, String> values) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(eventJson);
            ObjectNode data = (ObjectNode) event.path("data");
            values.forEach(data::put);
            data.putObject("addedInALaterVersion").put("reason", "contracts grow (ADR 0021)");
            event.put("futureextension", "a CloudEvents extension from a later producer");
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code event} on {@code topic} with {@code key} and waits until {@code consumer} (the inbox name,
     * {@code <service>.<channel>}) recorded it as applied, or it reached {@code deadLetterTopic}, which fails
     * with the dead-letter reason.
     */
    public static void assertApplied(String topic, String key, String event, String consumer, String deadLetterTopic) {
        String id = EventJson.read(event).id();
        try (TopicReader dlq = new TopicReader(deadLetterTopic)) {
            TopicWriter.send(topic, key, event);
            AppliedEvents applied =
                    Arc.container().instance(AppliedEvents.class).get();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> applied.wasApplied(consumer, id)
                            || !deadLettered(dlq, id).isEmpty());
            assertEquals(List.of(), deadLettered(dlq, id), "an event that only grew was dead-lettered");
            assertTrue(applied.wasApplied(consumer, id));
        }
    }

    private static List<String> deadLettered(TopicReader dlq, String id) {
        return dlq.poll().stream()
                .filter(r -> r.value() != null && r.value().contains(id))
                .map(r -> String.valueOf(r.headers().get("dead-letter-reason")))
                .toList();
    }
}
