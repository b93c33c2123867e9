package dev.peering.console.service;

import dev.peering.console.config.ConsoleConfig;
import dev.peering.core.KafkaClientSettings;
import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads the four topics from their end, on one thread of its own, into {@link RecentEvents} and out to the
 * open pages ({@link LiveStreams}). It assigns itself every partition instead of joining a consumer group, so
 * every console instance sees every event (as a group of its own per instance would) and leaves no group behind;
 * it commits nothing. When the broker does not answer, {@link #live()} turns false and the pages say that live
 * updates are paused; they keep working through REST.
 *
 * <p>Kafka settings come from the environment as for the services ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code KAFKA_SECURITY_PROTOCOL}, ...); the local stack gives it the read-only {@code watch} principal.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    static final List<String> TOPICS = List.of(
            Topics.PEER_ASN_EVENTS, Topics.PEERING_EVENTS, Topics.CONNECTION_EVENTS, Topics.REGISTRATION_EVENTS);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final RecentEvents recent;
    private final LiveStreams streams;
    private volatile boolean live;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public LiveEvents(ConsoleConfig config, LiveStreams streams) {
        this.recent = new RecentEvents(config.recentEvents());
        this.streams = streams;
    }

    void start(@Observes StartupEvent started) {
        thread = new Thread(this::run, "console-live-events");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Whether events are arriving: false while the broker does not answer or the topics are not there yet. */
    public boolean live() {
        return live;
    }

    public RecentEvents recent() {
        return recent;
    }

    private void run() {
        while (running) {
            KafkaConsumer<String, String> opened = null;
            try {
                opened = new KafkaConsumer<>(settings());
                consumer = opened;
                consume(opened);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("live updates paused: %s", e.toString());
                setLive(false);
                pause(CHECK_EVERY);
            } finally {
                if (opened != null) {
                    opened.close(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        while (running && partitions.isEmpty()) {
            partitions = partitions(kafka);
            if (partitions.isEmpty()) {
                setLive(false);
                pause(CHECK_EVERY);
            }
        }
        kafka.assign(partitions);
        kafka.seekToEnd(partitions);
        // the position is taken now, so nothing published from here on is missed
        partitions.forEach(kafka::position);
        setLive(true);
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (running) {
            for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                publish(record);
            }
            if (System.nanoTime() > nextCheck) {
                // poll says nothing when the broker is gone: ask for offsets, which fails within the timeout
                kafka.endOffsets(partitions, CHECK_EVERY);
                setLive(true);
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private void publish(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = EventJson.read(record.value());
        } catch (RuntimeException e) {
            return; // not a CloudEvent: nothing a page can show (the services dead-letter such records)
        }
        streams.send(recent.add(record.topic(), event, System.currentTimeMillis()));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, CHECK_EVERY);
            if (infos == null || infos.isEmpty()) {
                return List.of(); // the services have not created every topic yet
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private void setLive(boolean now) {
        if (live != now) {
            live = now;
            streams.status(now);
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(
                KafkaClientSettings.fromEnvironment(System.getenv()).clientProperties());
        // kafka.bootstrap.servers in the configuration (KAFKA_BOOTSTRAP_SERVERS maps to it) wins, as in the services
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("kafka.bootstrap.servers", String.class)
                .ifPresent(servers -> settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        settings.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return settings;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // a retry pace, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
