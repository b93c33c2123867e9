package dev.peering.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the connection topic as an integration would and tells each waiting workflow the moment its
 * connection became Active with IPv4 Established, so that a thousand workflows in flight do not poll
 * connection-service a thousand times a second. The workflow confirms with one GET.
 */
public final class EventWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, CompletableFuture<Long>> ready = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();

    public EventWatcher(String bootstrapServers) {
        consumer =
                new KafkaConsumer<>(properties(bootstrapServers), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(Topics.CONNECTION_EVENTS, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    static Properties properties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-watcher");
        return props;
    }

    /** How many connection events it has read. */
    public long seen() {
        return seen.get();
    }

    /** Completes with System.nanoTime() of the event's arrival here. */
    public CompletableFuture<Long> activeAndEstablished(String connectionResourceId) {
        return ready.computeIfAbsent(connectionResourceId.toLowerCase(Locale.ROOT), key -> new CompletableFuture<>());
    }

    private void run() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    seen.incrementAndGet();
                    long now = System.nanoTime();
                    CloudEvent event;
                    try {
                        event = EventJson.read(record.value());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    JsonNode data = event.data();
                    if (event.subject() != null
                            && data != null
                            && "Active".equals(data.path("connectionState").asText())
                            && "Established".equals(data.path("sessionStateV4").asText())) {
                        activeAndEstablished(event.subject()).complete(now);
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                break;
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("[bench] event watcher: " + e);
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
