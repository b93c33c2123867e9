package dev.peering.platform.inbox;

import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.platform.api.DatabaseUnavailable;
import dev.peering.platform.tracing.Traceparent;
import dev.peering.platform.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way a service applies incoming events: read each record as a CloudEvent, then apply it at
 * most once (see {@link AppliedEvents}), retrying while the database is unreachable.
 *
 * <p>A poll's records arrive as one batch and are applied in one transaction, with one statement for
 * the duplicate check of them all. When that transaction fails for a reason other than the database
 * (an event breaks a rule, has an unknown type), it is rolled back and the batch is applied again one
 * record per transaction, as a single record would be: the records that fail there are dead-lettered
 * one by one through the channel's failure strategy (its dead-letter topic, with the connector's
 * headers), the others are applied once, in order. The connector would dead-letter every record of a
 * batch it is handed back, so a batch is only ever acknowledged, after its work has committed and its
 * poison records are on the dead-letter topic.
 *
 * <p>Transient failures are retried here with backoff and never dead-lettered, so a database restart
 * delays events but loses none and keeps their order.
 *
 * <p>Each event is applied in a span of its own that continues the trace the event carries, with its
 * correlation id, subscription and subject in the log context ({@link Tracing#consuming}).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    AppliedEvents applied;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracing tracing;

    @ConfigProperty(name = "peering.inbox.max-retry-time", defaultValue = "PT10M")
    Duration maxRetryTime;

    /** A record of the batch that reads as a CloudEvent. */
    private record Readable(KafkaRecord<String, String> record, CloudEvent event) {}

    /**
     * Applies the events of {@code batch} with {@code effect}, each unless consumer {@code consumer} has
     * applied an event of its id before, and acknowledges the batch once that has committed.
     */
    public CompletionStage<Void> process(
            String consumer, KafkaRecordBatch<String, String> batch, Consumer<CloudEvent> untraced) {
        List<Readable> readable = new ArrayList<>();
        Map<CloudEvent, KafkaRecord<String, String>> recordOf = new IdentityHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                CloudEvent event = EventJson.read(record.getPayload());
                readable.add(new Readable(record, event));
                recordOf.put(event, record);
            } catch (RuntimeException e) {
                count(consumer, "failed", 1);
                deadLetter(consumer, record, e);
            }
        }
        Consumer<CloudEvent> effect = traced(consumer, untraced, recordOf::get);
        if (!readable.isEmpty() && !applyInOneTransaction(consumer, readable, effect)) {
            for (Readable r : readable) {
                try {
                    apply(consumer, r.event(), () -> applied.applyOnce(consumer, r.event(), effect) ? 1 : 0);
                } catch (RuntimeException e) {
                    deadLetter(consumer, r.record(), e);
                }
            }
        }
        return batch.ack();
    }

    /**
     * Applies one record value {@code value} with {@code effect} in its own transaction, unless consumer
     * {@code consumer} has applied an event of that id before; throws what cannot be read or applied, for
     * the channel's failure strategy. For a channel read one record at a time.
     */
    public void process(String consumer, String value, Consumer<CloudEvent> untraced) {
        Consumer<CloudEvent> effect = traced(consumer, untraced, event -> null);
        CloudEvent event;
        try {
            event = EventJson.read(value);
        } catch (RuntimeException e) {
            count(consumer, "failed", 1);
            throw e;
        }
        apply(consumer, event, () -> applied.applyOnce(consumer, event, effect) ? 1 : 0);
    }

    /** {@code effect} applying each event in a span that continues the event's trace. */
    private Consumer<CloudEvent> traced(
            String consumer, Consumer<CloudEvent> effect, Function<CloudEvent, KafkaRecord<String, String>> recordOf) {
        return event -> {
            KafkaRecord<String, String> record = recordOf.apply(event);
            try (Tracing.Work work = tracing.consuming(
                    consumer,
                    record == null ? null : record.getTopic(),
                    event,
                    record == null ? null : header(record, Traceparent.NAME))) {
                try {
                    effect.accept(event);
                } catch (RuntimeException e) {
                    work.failed(e);
                    throw e;
                }
            }
        };
    }

    private static String header(KafkaRecord<String, String> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Whether the events were applied in one transaction; if not, nothing of them was. */
    private boolean applyInOneTransaction(String consumer, List<Readable> readable, Consumer<CloudEvent> effect) {
        List<CloudEvent> events = readable.stream().map(Readable::event).toList();
        metrics.summary("inbox.batch.size", "consumer", consumer).record(events.size());
        try {
            int appliedNow =
                    retryingTransient(consumer, events.get(0).id(), () -> applied.applyAllOnce(consumer, events, effect)
                            .size());
            count(consumer, "applied", appliedNow);
            count(consumer, "duplicate", events.size() - appliedNow);
            metrics.counter("inbox.batches", "consumer", consumer, "outcome", "one-transaction")
                    .increment();
            return true;
        } catch (RuntimeException e) {
            LOG.infof(
                    "%s: a batch of %d events failed (%s); applying them one transaction each",
                    consumer, events.size(), rootMessage(e));
            metrics.counter("inbox.batches", "consumer", consumer, "outcome", "record-by-record")
                    .increment();
            return false;
        }
    }

    /** Applies one event in its own transaction; throws what cannot be applied. */
    private void apply(String consumer, CloudEvent event, Supplier<Integer> applyOnce) {
        try {
            int appliedNow = retryingTransient(consumer, event.id(), applyOnce);
            count(consumer, appliedNow == 1 ? "applied" : "duplicate", 1);
        } catch (RuntimeException e) {
            count(consumer, "failed", 1);
            throw e;
        }
    }

    /** Hands {@code record} to the channel's failure strategy and waits until it is dead-lettered. */
    private void deadLetter(String consumer, KafkaRecord<String, String> record, Throwable reason) {
        LOG.debugf(
                "%s: dead-lettering a record of %s-%d (%s)",
                consumer, record.getTopic(), record.getPartition(), rootMessage(reason));
        record.nack(reason).toCompletableFuture().join();
    }

    private void count(String consumer, String outcome, int n) {
        if (n > 0) {
            metrics.counter("inbox.events", "consumer", consumer, "outcome", outcome)
                    .increment(n);
        }
    }

    /** Runs {@code work}, retrying transient failures with backoff for up to the max retry time. */
    private <T> T retryingTransient(String consumer, String eventId, Supplier<T> work) {
        long deadline = System.nanoTime() + maxRetryTime.toNanos();
        long backoffMillis = 100;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf(
                        "%s: applying event %s failed transiently (%s); retrying in %d ms",
                        consumer, eventId, rootMessage(e), backoffMillis);
                pause(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    /** Failures of the database connection, not of the event: worth trying again. */
    static boolean isTransient(Throwable e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40001") // serialization failure
                            || sql.getSQLState().equals("40P01"))) { // deadlock
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
