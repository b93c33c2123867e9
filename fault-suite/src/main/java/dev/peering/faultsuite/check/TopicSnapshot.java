package dev.peering.faultsuite.check;

import dev.peering.core.KafkaClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every record of some topics, from the beginning up to the end offsets at the time of reading. */
public final class TopicSnapshot {

    private TopicSnapshot() {}

    /** The topics on the broker whose name ends with {@code suffix}. */
    public static Set<String> topicsEndingWith(KafkaClientSettings client, String suffix) throws Exception {
        try (Admin admin = Admin.create(client.clientProperties())) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(suffix))
                    .collect(Collectors.toSet());
        }
    }

    /**
     * Reads the topics with its own consumer group, committing nothing. A dead-letter record's value is
     * kept as is; its {@code dead-letter-reason} header, when present, is put in front of the key.
     */
    public static List<Record> read(KafkaClientSettings client, Collection<String> topics, Duration timeout) {
        Map<String, Object> config = client.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-checker-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Record> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, timeout)
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to the end within " + timeout);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = r.headers().lastHeader("dead-letter-reason");
                    String key = reason == null
                            ? r.key()
                            : "[" + new String(reason.value(), StandardCharsets.UTF_8) + "] " + r.key();
                    records.add(new Record(r.topic(), r.partition(), r.offset(), key, r.value()));
                }
            }
        }
        return records;
    }
}
