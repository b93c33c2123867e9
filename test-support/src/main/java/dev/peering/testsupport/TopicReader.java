package dev.peering.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.core.KafkaClientSettings;
import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.events.MalformedEventException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning as an outside integration would, for assertions on what a service
 * really published.
 */
public final class TopicReader implements AutoCloseable {

    /**
     * One record as it was on the topic; {@code event} is null when the value is not a CloudEvent (as
     * on a dead-letter topic). {@code timestamp} is the record's (the producer's send time, epoch ms).
     */
    public record Received(
            String key,
            String value,
            CloudEvent event,
            Map<String, String> headers,
            int partition,
            long offset,
            long timestamp) {}

    /** How long the number of events must stay the same before an exact count is checked. */
    public static final Duration QUIET = Duration.ofSeconds(2);

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    public TopicReader(String topic) {
        this(KafkaTestResource.bootstrapServers(), topic);
    }

    public TopicReader(String bootstrapServers, String topic) {
        this(KafkaClientSettings.of(Map.of(KafkaClientSettings.BOOTSTRAP_SERVERS, bootstrapServers)), topic);
    }

    /** A reader with these client settings (a secured broker's principal, its TLS trust store). */
    public TopicReader(KafkaClientSettings settings, String topic) {
        Map<String, Object> config = settings.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits until events matching {@code filter} number at least {@code count}, and returns them in order. */
    public List<Received> awaitEvents(Predicate<Received> filter, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return matching(filter).size() >= count;
        });
        return matching(filter);
    }

    /**
     * Waits until events matching {@code filter} number at least {@code count} and then stay unchanged in
     * number for two seconds, and fails unless there are exactly {@code count}: an event published twice,
     * a moment after the first, is caught instead of passing unseen. Returns them in order.
     */
    public List<Received> awaitExactly(Predicate<Received> filter, int count) {
        return awaitExactly(filter, count, QUIET);
    }

    /** As {@link #awaitExactly(Predicate, int)}, with a quiet period of {@code quiet}. */
    public List<Received> awaitExactly(Predicate<Received> filter, int count, Duration quiet) {
        awaitEvents(filter, count);
        AtomicInteger seen = new AtomicInteger(-1);
        await().during(quiet)
                .atMost(quiet.multipliedBy(3).plusSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    poll();
                    int now = matching(filter).size();
                    return seen.getAndSet(now) == now;
                });
        List<Received> events = matching(filter);
        assertEquals(
                count,
                events.size(),
                "expected exactly " + count + " events, and no more after a quiet period of " + quiet + ": "
                        + describe(events));
        return events;
    }

    /**
     * All events about {@code subject} (an ARM resource id), in topic order, once there are exactly
     * {@code count} and no more came for the quiet period (see {@link #awaitExactly(Predicate, int)}).
     */
    public List<Received> awaitSubjectExactly(String subject, int count) {
        return awaitExactly(r -> r.event() != null && subject.equals(r.event().subject()), count);
    }

    private static String describe(List<Received> events) {
        return events.stream()
                .map(r -> r.event() == null
                        ? "(not a CloudEvent) " + r.key()
                        : r.event().type() + " " + r.event().id())
                .toList()
                .toString();
    }

    /** All events received so far about {@code subject} (an ARM resource id), in topic order. */
    public List<Received> awaitSubject(String subject, int count) {
        return awaitEvents(r -> r.event() != null && subject.equals(r.event().subject()), count);
    }

    /** What has arrived so far, after one more poll. */
    public List<Received> poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new java.util.HashMap<>();
            for (Header h : record.headers()) {
                headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
            received.add(new Received(
                    record.key(),
                    record.value(),
                    readOrNull(record.value()),
                    headers,
                    record.partition(),
                    record.offset(),
                    record.timestamp()));
        }
        return List.copyOf(received);
    }

    private static CloudEvent readOrNull(String value) {
        try {
            return value == null ? null : EventJson.read(value);
        } catch (MalformedEventException e) {
            return null;
        }
    }

    private List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
