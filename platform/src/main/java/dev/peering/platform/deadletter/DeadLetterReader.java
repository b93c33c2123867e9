package dev.peering.platform.deadletter;

import dev.peering.platform.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a dead-letter topic from its earliest offset to its end as it is now, with a consumer that is
 * assigned the partitions and joins no group: nothing is committed, and the service needs only READ on its
 * own dead-letter topics (ADR 0018), no group of its own for it.
 */
@ApplicationScoped
public class DeadLetterReader {

    @Inject
    KafkaClients kafkaClients;

    @Inject
    DeadLetterTopics topics;

    @ConfigProperty(name = "peering.dlq.timeout", defaultValue = "PT10S")
    Duration timeout;

    /** At most {@code max} records of {@code topic}, the oldest first per partition, partitions in order. */
    public List<ConsumerRecord<String, String>> read(String topic, int max) {
        return read(topics.offsets(topic), max);
    }

    /** The record at {@code partition}/{@code offset} of {@code topic}, or null when the topic holds none there. */
    public ConsumerRecord<String, String> readOne(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        DeadLetterTopics.Range range = topics.offsets(topic).get(tp);
        if (range == null || offset < range.earliest() || offset >= range.end()) {
            return null;
        }
        return read(Map.of(tp, new DeadLetterTopics.Range(offset, offset + 1)), 1).stream()
                .filter(r -> r.offset() == offset)
                .findFirst()
                .orElse(null);
    }

    private List<ConsumerRecord<String, String>> read(Map<TopicPartition, DeadLetterTopics.Range> ranges, int max) {
        Map<TopicPartition, DeadLetterTopics.Range> pending = new HashMap<>();
        ranges.forEach((tp, range) -> {
            if (range.end() > range.earliest()) {
                pending.put(tp, range);
            }
        });
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (pending.isEmpty()) {
            return records;
        }
        Map<String, Object> config = kafkaClients.forClient("dead-letter-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, Math.min(max, 500)));
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(pending.keySet());
            pending.forEach((tp, range) -> consumer.seek(tp, range.earliest()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!pending.isEmpty() && records.size() < max) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + pending.keySet() + " within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    DeadLetterTopics.Range range = pending.get(tp);
                    if (range != null && record.offset() < range.end() && records.size() < max) {
                        records.add(record);
                    }
                }
                // done with a partition once its position reaches the end it had when we started
                pending.keySet()
                        .removeIf(tp -> consumer.position(tp) >= pending.get(tp).end());
                consumer.pause(consumer.assignment().stream()
                        .filter(tp -> !pending.containsKey(tp))
                        .toList());
            }
        }
        records.sort((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }
}
