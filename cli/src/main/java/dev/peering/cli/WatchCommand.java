package dev.peering.cli;

import dev.peering.core.KafkaClientSettings;
import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.events.MalformedEventException;
import dev.peering.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peering watch}: follows workflows across the four topics as any integration would, with a
 * consumer group of its own that commits nothing, and prints their timeline.
 */
@Command(
        name = "watch",
        description = "Follow a workflow across all topics (by correlation id or resource id) and print its"
                + " timeline: time, service, resource, old -> new state, reason.")
final class WatchCommand implements Callable<Integer> {

    static final List<String> TOPICS = List.of(
            Topics.PEER_ASN_EVENTS, Topics.PEERING_EVENTS, Topics.CONNECTION_EVENTS, Topics.REGISTRATION_EVENTS);

    /** Outbox relays publish within about a second; holding lines that long puts them in event order. */
    static final Duration REORDER_WINDOW = Duration.ofSeconds(1);

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--correlation-id", paramLabel = "ID", description = "Only events caused by this request.")
    String correlationId;

    @Option(
            names = "--resource",
            paramLabel = "ARM_ID",
            description = "Only events of this resource and the ones under it (a peering shows its connections).")
    String resource;

    @Option(
            names = {"-s", "--subscription"},
            paramLabel = "ID",
            description = "Only events of this subscription.")
    String subscription;

    @Option(
            names = "--since",
            paramLabel = "DURATION|TIME",
            description =
                    "Start at events this old (10m, 2h) or at this ISO time; default: the beginning of the topics.")
    String since;

    @Option(names = "--follow", description = "Keep following new events (the default; Ctrl-C ends).")
    boolean follow;

    @Option(
            names = "--until-idle",
            paramLabel = "DURATION",
            description = "Exit 0 after no event arrived for this long (for scripts), e.g. 5s.")
    String untilIdle;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "table (a human timeline, default) or json (one JSON object per line).")
    String output;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "A peer's bearer token (env PEERING_TOKEN): show only its subscriptions' events.")
    String token;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "The topics to read (default: the four event topics).")
    List<String> topics;

    private final CliContext ctx;

    WatchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Output.Format format = format();
        Duration idle = untilIdle == null ? null : Durations.parse("--until-idle", untilIdle);
        Instant start = since == null ? null : sinceInstant();
        EventFilter filter = new EventFilter(correlationId, resource, subscription)
                .forToken(token != null ? token : ctx.env("PEERING_TOKEN"));
        KafkaClientSettings settings = kafka.settings(ctx.env());
        String servers = settings.bootstrapServers(KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
        List<String> read = topics == null || topics.isEmpty() ? TOPICS : topics;
        checkBroker(settings, servers, read);
        ZoneId zone = ZoneId.systemDefault();

        Map<String, Object> props = settings.clientProperties();
        // the watch principal of a secured stack may read only in groups named peering-watch-...
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "peering-watch-" + UUID.randomUUID());
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "peering-watch");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a new topic (a service started after watch) joins the subscription within seconds
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");

        AtomicBoolean stopping = new AtomicBoolean();
        // Ctrl-C: wake the consumer so it leaves its group cleanly; the JVM halts once it is closed
        CountDownLatch closed = new CountDownLatch(1);
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        Thread hook = new Thread(
                () -> {
                    stopping.set(true);
                    consumer.wakeup();
                    try {
                        closed.await(3, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "peering-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            loop(consumer, read, start, filter, format, zone, idle);
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(1));
            closed.countDown();
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return ExitCodes.OK;
    }

    private void loop(
            KafkaConsumer<String, String> consumer,
            List<String> read,
            Instant start,
            EventFilter filter,
            Output.Format format,
            ZoneId zone,
            Duration idle) {
        Set<TopicPartition> assigned = new HashSet<>();
        consumer.subscribe(read, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assigned.removeAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assigned.addAll(partitions);
                if (start != null) {
                    Map<TopicPartition, Long> times = new HashMap<>();
                    partitions.forEach(tp -> times.put(tp, start.toEpochMilli()));
                    Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
                    for (TopicPartition tp : partitions) {
                        OffsetAndTimestamp at = offsets.get(tp);
                        if (at != null) {
                            consumer.seek(tp, at.offset());
                        } else {
                            consumer.seekToEnd(List.of(tp));
                        }
                    }
                }
            }
        });
        Instant lastActivity = null;
        ReorderBuffer buffer = new ReorderBuffer(REORDER_WINDOW);
        while (true) {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            try {
                consumer.poll(Duration.ofMillis(300)).forEach(batch::add);
            } catch (WakeupException stopped) {
                print(buffer.drain(), format, zone);
                throw stopped;
            }
            Instant now = ctx.clock().instant();
            if (!batch.isEmpty() || lastActivity == null && !assigned.isEmpty()) {
                lastActivity = now;
            }
            for (ConsumerRecord<String, String> record : batch) {
                try {
                    CloudEvent event = EventJson.read(record.value());
                    if (filter.matches(record.key(), event)) {
                        buffer.add(Timeline.entry(record.topic(), record.key(), event), now);
                    }
                } catch (MalformedEventException e) {
                    ctx.err()
                            .printf(
                                    "warning: %s-%d@%d is not an event of the contracts (%s)%n",
                                    record.topic(), record.partition(), record.offset(), e.getMessage());
                }
            }
            boolean ending = idle != null && lastActivity != null && !now.isBefore(lastActivity.plus(idle));
            print(ending ? buffer.drain() : buffer.due(now), format, zone);
            ctx.err().flush();
            if (ending) {
                return;
            }
        }
    }

    private void print(List<TimelineEntry> entries, Output.Format format, ZoneId zone) {
        for (TimelineEntry entry : entries) {
            ctx.out().println(format == Output.Format.json ? Timeline.json(entry) : Timeline.line(entry, zone));
        }
        ctx.out().flush();
    }

    private void checkBroker(KafkaClientSettings settings, String servers, List<String> read) {
        Map<String, Object> props = settings.clientProperties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String topic : read) {
                if (!existing.contains(topic)) {
                    ctx.err()
                            .println(
                                    "note: topic " + topic
                                            + " does not exist yet (its service has not started); watch picks it up when it does");
                }
            }
            ctx.err().flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreachable("Kafka at " + servers + " (interrupted)", e);
        } catch (Exception e) {
            throw CliFailure.unreachable("Kafka at " + servers, e);
        }
    }

    /**
     * A timeline is a stream of lines, not a resource: table or json (one object per line). The other
     * formats are refused on the command line; as a default (PEERING_OUTPUT, the config file) they
     * leave the timeline as it is.
     */
    private Output.Format format() {
        if (output != null) {
            Output.Format f = Output.Format.parse(output);
            if (f != Output.Format.table && f != Output.Format.json) {
                throw CliFailure.usage("watch prints table or json (one event per line), not " + f);
            }
            return f;
        }
        String fallback = ctx.env("PEERING_OUTPUT");
        return fallback != null && fallback.trim().equalsIgnoreCase("json") ? Output.Format.json : Output.Format.table;
    }

    private Instant sinceInstant() {
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException notATime) {
            return ctx.clock().instant().minus(Durations.parse("--since", since));
        }
    }
}
