package dev.peering.bench;

import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads whole topics from the beginning to their current end: every event's id, type and time. */
public final class TopicReader {

    /** One event as the topic holds it: {@code time} is the CloudEvent time (set when written to the outbox). */
    public record Event(
            String topic, String id, String type, String subject, Instant time, Instant appendTime, int bytes) {}

    private TopicReader() {}

    public static List<Event> readAll(String bootstrapServers, List<String> topics) {
        Properties props = EventWatcher.properties(bootstrapServers);
        props.put("client.id", "bench-reader");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        CloudEvent event = EventJson.read(record.value());
                        events.add(new Event(
                                record.topic(),
                                event.id(),
                                event.type(),
                                event.subject(),
                                event.time() == null ? null : event.time().toInstant(),
                                Instant.ofEpochMilli(record.timestamp()),
                                record.serializedValueSize()));
                    } catch (RuntimeException e) {
                        // not an event of ours
                    }
                }
            }
        }
        return events;
    }
}
