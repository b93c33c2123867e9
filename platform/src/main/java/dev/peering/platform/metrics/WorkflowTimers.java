package dev.peering.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Histograms of how long a workflow step took for the user (a PeerAsn's approval, a connection's way to
 * Active), with the same buckets everywhere: from a second (zero delays, the tests) to two days (the
 * seed's 12 hours, and a person's wait), so a dashboard shows quantiles and a rule can count the slow ones.
 */
public final class WorkflowTimers {

    static final Duration[] BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofMinutes(30),
        Duration.ofHours(1),
        Duration.ofHours(3),
        Duration.ofHours(6),
        Duration.ofHours(12),
        Duration.ofHours(18),
        Duration.ofDays(1),
        Duration.ofDays(2)
    };

    private WorkflowTimers() {}

    /** The timer {@code name} with these tags (key, value, ...), registered now so it is exported at 0. */
    public static Timer register(MeterRegistry registry, String name, String description, String... tags) {
        return Timer.builder(name)
                .description(description)
                .tags(tags)
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1])
                .register(registry);
    }
}
