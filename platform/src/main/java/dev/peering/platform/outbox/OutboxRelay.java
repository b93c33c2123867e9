package dev.peering.platform.outbox;

import dev.peering.events.CloudEvent;
import dev.peering.platform.kafka.KafkaClients;
import dev.peering.platform.tracing.Traceparent;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox events to Kafka in the order they were written, then deletes them.
 *
 * <p>At-least-once: an event is deleted only after the broker acknowledged it, so a crash between the
 * two publishes it again and consumers drop the duplicate by its id. A pass stops at the first event
 * that fails and keeps the acknowledged ones before it, so a retry never puts an older event after a
 * newer one of the same key ({@link #sendInOrder}). Only one relay per database runs
 * at a time (a transaction-scoped advisory lock), which keeps each key's events in order when a
 * service runs as several instances. The relay wakes when an outbox transaction commits and polls
 * as a safety net.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // An arbitrary constant that names "the outbox relay" among this database's advisory locks.
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Inject
    KafkaClients kafkaClients;

    @ConfigProperty(name = "peering.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "peering.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean stopping;

    void start(@Observes StartupEvent startup) {
        // every kafka.* setting of the service (security, SASL, TLS), then what the relay's guarantees need
        Map<String, Object> props = kafkaClients.forClient("outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        int timeout = (int) sendTimeout.toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        // Kafka refuses a delivery timeout below linger + request timeout: keep the request's well inside it
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, Math.min(timeout / 2, 10_000)));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(metrics);
        metrics.more().counter("outbox.published", List.of(), published);
        wake();
    }

    /** Lets the last batch finish, then closes the producer: a graceful stop leaves nothing half-sent. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake();
    }

    @Scheduled(every = "${peering.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Asks for a relay pass; passes asked for while one is queued are folded into it. */
    public void wake() {
        if (producer == null || stopping || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false);
        }
    }

    /** How many events wait to be published, as of the last pass. */
    public long backlog() {
        return backlog.get();
    }

    private void drain() {
        queued.set(false);
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == batchSize && !stopping);
        } catch (Exception e) {
            LOG.warnf("outbox relay pass failed, it is retried on the next poll: %s", e.toString());
        }
    }

    private int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = relayBatch(c);
                c.commit();
                return n;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "select seq, topic, record_key, payload, correlation_id, traceparent from outbox_event"
                        + " order by seq limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    String payload = rs.getString(4);
                    // a null payload is a state topic's tombstone (Outbox#tombstone): a null value, no content type
                    ProducerRecord<String, String> record =
                            new ProducerRecord<>(rs.getString(2), rs.getString(3), payload);
                    if (payload != null) {
                        record.headers()
                                .add(
                                        "content-type",
                                        CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    }
                    String correlationId = rs.getString(5);
                    if (correlationId != null) {
                        record.headers().add("correlationid", correlationId.getBytes(StandardCharsets.UTF_8));
                    }
                    String traceparent = rs.getString(6);
                    if (traceparent != null) {
                        record.headers().add(Traceparent.NAME, traceparent.getBytes(StandardCharsets.UTF_8));
                    }
                    records.add(record);
                }
            }
        }
        List<Integer> acknowledgedAt = records.isEmpty() ? List.of() : sendInOrder(producer, records, sendTimeout);
        int acknowledged = acknowledgedAt.size();
        if (acknowledged > 0) {
            try (PreparedStatement delete = c.prepareStatement("delete from outbox_event where seq = any(?)")) {
                Array array = c.createArrayOf(
                        "bigint", acknowledgedAt.stream().map(seqs::get).toArray());
                delete.setArray(1, array);
                delete.executeUpdate();
            }
            published.addAndGet(acknowledged);
        }
        if (acknowledged < records.size()) {
            // the acknowledged ones (each key's first) are deleted when this transaction commits; the rest go in
            // a later pass, each key's in its order
            LOG.warnf(
                    "outbox relay pass failed after %d of %d events, it is retried on the next poll",
                    acknowledged, records.size());
        }
        backlog.set(count(c));
        return acknowledged;
    }

    /**
     * Sends {@code records} keeping each key's order on each topic, and returns the positions (in {@code records}) the
     * broker acknowledged: for every key, a prefix of its records. A key's next record is handed to the
     * producer only once its previous one was acknowledged, so a record that fails can never be overtaken
     * on the topic by a later record of its key. (Found by the fault suite: with the broker frozen past the
     * delivery timeout, the idempotent producer expired one record and still delivered the later ones it
     * held, the next pass sent the expired one after them, and a consumer applied an older state last.)
     * Records of different keys go out together, one round per position within their key. The first
     * failure, at once (no metadata within {@code max.block.ms}) or later, ends the sending: the rest wait
     * for the next pass.
     */
    static List<Integer> sendInOrder(
            Producer<String, String> producer, List<ProducerRecord<String, String>> records, Duration timeout) {
        Map<String, ArrayDeque<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byKey.computeIfAbsent(orderKey(records.get(i)), k -> new ArrayDeque<>())
                    .add(i);
        }
        List<Integer> acknowledged = new ArrayList<>();
        boolean failed = false;
        while (!failed && !byKey.isEmpty()) {
            Map<Integer, Future<RecordMetadata>> round = new LinkedHashMap<>();
            for (ArrayDeque<Integer> queue : byKey.values()) {
                int index = queue.peekFirst();
                ProducerRecord<String, String> record = records.get(index);
                Future<RecordMetadata> ack;
                try {
                    ack = producer.send(record);
                } catch (RuntimeException e) {
                    LOG.warnf("outbox relay: sending to %s failed: %s", record.topic(), e.toString());
                    failed = true;
                    break;
                }
                if (ack.isDone() && failed(ack)) {
                    failed = true;
                    break;
                }
                round.put(index, ack);
            }
            producer.flush();
            for (Map.Entry<Integer, Future<RecordMetadata>> sent : round.entrySet()) {
                try {
                    sent.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(sent.getKey());
                    ArrayDeque<Integer> queue = byKey.get(orderKey(records.get(sent.getKey())));
                    queue.pollFirst();
                } catch (ExecutionException | TimeoutException e) {
                    LOG.warnf("outbox relay: event %d of the pass was not acknowledged: %s", sent.getKey() + 1, e);
                    failed = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = true;
                }
            }
            byKey.values().removeIf(ArrayDeque::isEmpty);
        }
        Collections.sort(acknowledged);
        return acknowledged;
    }

    /**
     * What must stay in order: a key's records on one topic (Kafka orders nothing across topics). A change
     * event and its resource's snapshot on the state topic share a key but not a topic, so they go out in the
     * same round rather than one round apart.
     */
    private static String orderKey(ProducerRecord<String, String> record) {
        return record.topic() + ' ' + record.key(); // a topic name has no space
    }

    private static boolean failed(Future<RecordMetadata> done) {
        try {
            done.get();
            return false;
        } catch (ExecutionException e) {
            LOG.warnf("outbox relay: the producer refused an event at once: %s", e.getCause());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) from outbox_event");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
