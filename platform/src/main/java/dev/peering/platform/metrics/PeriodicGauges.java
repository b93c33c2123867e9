package dev.peering.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The business gauges of a service (PeerAsns by validation state, connections by state, ...): each is
 * one aggregate query over the service's own tables, run once per refresh interval
 * ({@code peering.metrics.refresh-interval}, default 15 s) and never per scrape, so a scrape costs no
 * query and a large table is scanned at most once per interval. Every instance of a service exports the
 * same values (the database's): a dashboard takes their {@code max}, not their sum.
 */
@ApplicationScoped
public class PeriodicGauges {

    private static final Logger LOG = Logger.getLogger(PeriodicGauges.class);

    @Inject
    MeterRegistry registry;

    private final List<GaugeSource> sources = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    /**
     * Registers the gauges {@code name}, one per combination of {@code tagNames}' values, read from
     * {@code rows} (tag values, then the number); {@code known} combinations show 0 before the first read.
     */
    public void register(
            String name,
            String description,
            List<String> tagNames,
            Collection<List<String>> known,
            Supplier<List<Object[]>> rows) {
        sources.add(new GaugeSource(registry, name, description, tagNames, known, rows));
    }

    /** Each value of an enum as a one-tag combination, for {@code known}. */
    public static <E extends Enum<E>> List<List<String>> each(Class<E> values) {
        return EnumSet.allOf(values).stream().map(e -> List.of(e.name())).toList();
    }

    /** Every combination of {@code first} and each value of {@code second}, for {@code known}. */
    public static <E extends Enum<E>> List<List<String>> each(List<String> first, Class<E> second) {
        List<List<String>> all = new ArrayList<>();
        for (String f : first) {
            for (E s : EnumSet.allOf(second)) {
                all.add(List.of(f, s.name()));
            }
        }
        return all;
    }

    @Scheduled(
            every = "${peering.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        boolean failed = false;
        for (GaugeSource source : sources) {
            try {
                QuarkusTransaction.requiringNew().run(source::refresh);
            } catch (RuntimeException e) {
                // the gauges keep their last values; a database outage shows in health and in the logs once
                failed = true;
                if (!failing) {
                    LOG.warnf("refreshing the gauge %s failed (%s); it keeps its last value", source.name(), e);
                }
            }
        }
        failing = failed;
    }
}
