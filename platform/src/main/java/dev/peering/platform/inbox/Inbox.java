package dev.peering.platform.inbox;

import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.platform.api.DatabaseUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way a service applies an incoming event: read it as a CloudEvent, then apply it at most
 * once (see {@link AppliedEvents}), retrying while the database is unreachable.
 *
 * <p>What cannot be read or applied (malformed JSON, an unknown type, a payload that breaks a rule)
 * is thrown to the channel, whose failure strategy sends it to its dead-letter topic. Transient
 * failures are retried here with backoff and never dead-lettered, so a database restart delays
 * events but loses none and keeps their order.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    AppliedEvents applied;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "peering.inbox.max-retry-time", defaultValue = "PT10M")
    Duration maxRetryTime;

    /**
     * Applies the record value {@code value} with {@code effect}, unless consumer {@code consumer} has
     * applied an event of that id before.
     */
    public void process(String consumer, String value, Consumer<CloudEvent> effect) {
        CloudEvent event = EventJson.read(value);
        long deadline = System.nanoTime() + maxRetryTime.toNanos();
        long backoffMillis = 100;
        while (true) {
            try {
                boolean first = applied.applyOnce(consumer, event, effect);
                metrics.counter("inbox.events", "consumer", consumer, "outcome", first ? "applied" : "duplicate")
                        .increment();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() > deadline) {
                    metrics.counter("inbox.events", "consumer", consumer, "outcome", "failed")
                            .increment();
                    throw e;
                }
                LOG.warnf(
                        "%s: applying event %s failed transiently (%s); retrying in %d ms",
                        consumer, event.id(), rootMessage(e), backoffMillis);
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
