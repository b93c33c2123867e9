package dev.peering.platform.deadletter;

import dev.peering.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The dead-letter topic of each consuming channel of this service ({@code
 * mp.messaging.incoming.<channel>.dead-letter-queue.topic}) and how many records each holds, exported as
 * the gauge {@code peering_dlq_records{channel,topic}}: the sum over the topic's partitions of the end
 * offset minus the earliest one, read with two offset look-ups per refresh interval, never per scrape.
 * It counts what the topic holds, so it survives restarts and shrinks only with retention.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);
    private static final Pattern DLQ_TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    @Inject
    KafkaClients kafkaClients;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "peering.dlq.timeout", defaultValue = "PT10S")
    Duration timeout;

    /** A partition's earliest offset and its end offset (the next one to be written). */
    public record Range(long earliest, long end) {}

    private final Map<String, Long> records = new ConcurrentHashMap<>();
    private Map<String, String> topics = Map.of();
    private volatile Admin admin;
    private volatile boolean failing;
    private volatile boolean stopping;

    void start(@Observes StartupEvent startup) {
        topics = channels(ConfigProvider.getConfig());
        topics.forEach((channel, topic) -> {
            records.put(channel, 0L);
            Gauge.builder("peering.dlq.records", records, r -> r.getOrDefault(channel, 0L))
                    .description("Records on the channel's dead-letter topic: events that need a person")
                    .tags("channel", channel, "topic", topic)
                    .register(metrics);
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Each consuming channel with a dead-letter topic, and that topic, by channel name. */
    public Map<String, String> topics() {
        return topics;
    }

    @Scheduled(
            every = "${peering.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        if (topics.isEmpty() || stopping) {
            return;
        }
        try {
            for (Map.Entry<String, String> t : topics.entrySet()) {
                records.put(t.getKey(), count(t.getValue()));
            }
            failing = false;
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the admin client closed under a refresh at shutdown
            }
            if (!failing) {
                LOG.warnf(e, "counting dead-letter records failed; the gauges keep their last values");
            }
            failing = true;
        }
    }

    /** How many records {@code topic} holds now: 0 for a topic that does not exist (yet). */
    public long count(String topic) {
        return offsets(topic).values().stream()
                .mapToLong(r -> r.end() - r.earliest())
                .sum();
    }

    /** Each partition of {@code topic} with its earliest and end offset; empty when it does not exist. */
    public Map<TopicPartition, Range> offsets(String topic) {
        try {
            TopicDescription description = admin().describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
            var first = admin().listOffsets(earliest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            var end = admin().listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Range> range = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
            first.forEach((tp, info) ->
                    range.put(tp, new Range(info.offset(), end.get(tp).offset())));
            return range;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw new IllegalStateException("cannot read the offsets of " + topic + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + topic + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> props = kafkaClients.forClient("dead-letters");
                    // the admin client refuses an API timeout below its request timeout (30 s by default)
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    admin = Admin.create(props);
                }
            }
        }
        return admin;
    }

    static Map<String, String> channels(Config config) {
        Map<String, String> channels = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = DLQ_TOPIC.matcher(name);
            if (m.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topic -> channels.put(m.group(1), topic));
            }
        }
        return channels;
    }
}
