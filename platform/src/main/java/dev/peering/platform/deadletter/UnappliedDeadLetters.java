package dev.peering.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The gauge {@code peering_dlq_unapplied{channel,topic}}: the records on a channel's dead-letter topic whose
 * event the channel's consumer has not applied (unreadable ones and those of a channel without a replay
 * handler count too), so the {@code DeadLetterRecords} alert clears once every record is replayed, while
 * {@code peering_dlq_records} keeps counting what the topic holds until retention (ADR 0018). An empty topic
 * costs two offset look-ups per refresh; one that holds records is read, at most {@code
 * peering.dlq.max-records} of them, on its own interval ({@code peering.dlq.unapplied-refresh-interval}, 60 s).
 */
@ApplicationScoped
public class UnappliedDeadLetters {

    private static final Logger LOG = Logger.getLogger(UnappliedDeadLetters.class);

    @Inject
    DeadLetterTopics topics;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry metrics;

    private final Map<String, Long> unapplied = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private volatile boolean stopping;

    // After DeadLetterTopics' own startup observer (default priority 2500), which reads the channels' topics:
    // before it, topics() is empty and no gauge would be registered.
    void start(@Observes @Priority(3000) StartupEvent startup) {
        topics.topics().forEach((channel, topic) -> {
            unapplied.put(channel, 0L);
            Gauge.builder("peering.dlq.unapplied", unapplied, u -> u.getOrDefault(channel, 0L))
                    .description("Records on the channel's dead-letter topic whose event is not applied yet:"
                            + " what still needs a replay or a person")
                    .tags("channel", channel, "topic", topic)
                    .register(metrics);
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(
            every = "${peering.dlq.unapplied-refresh-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        if (stopping) {
            return;
        }
        try {
            for (String channel : topics.topics().keySet()) {
                long count = deadLetters.list(channel).stream()
                        .filter(d -> !Boolean.TRUE.equals(d.applied()))
                        .count();
                unapplied.put(channel, count);
            }
            failing = false;
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            if (!failing) {
                LOG.warnf(e, "counting unapplied dead letters failed; the gauges keep their last values");
            }
            failing = true;
        }
    }
}
