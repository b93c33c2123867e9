package dev.peering.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One family of gauges read from rows: each row is its tag values followed by a number, as an aggregate
 * query ({@code select state, count(*) ... group by state}) returns them. A scrape reads the values of
 * the last {@link #update}; a tag combination known beforehand is exported as 0 until it is seen, and one
 * that disappears from the rows goes back to 0 rather than keeping its old value.
 */
public final class GaugeSource {

    private final String name;
    private final String description;
    private final List<String> tagNames;
    private final Supplier<List<Object[]>> rows;
    private final MeterRegistry registry;
    private final Map<List<String>, Double> values = new ConcurrentHashMap<>();

    GaugeSource(
            MeterRegistry registry,
            String name,
            String description,
            List<String> tagNames,
            Collection<List<String>> known,
            Supplier<List<Object[]>> rows) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tagNames = List.copyOf(tagNames);
        this.rows = rows;
        known.forEach(this::gauge);
    }

    String name() {
        return name;
    }

    /** Reads the rows (the caller provides the transaction) and makes them the gauges' values. */
    void refresh() {
        update(rows.get());
    }

    void update(List<Object[]> result) {
        Map<List<String>, Double> next = new HashMap<>();
        for (Object[] row : result) {
            if (row.length != tagNames.size() + 1) {
                throw new IllegalArgumentException(name + ": a row of " + row.length + " columns, expected the tags "
                        + tagNames + " and a number");
            }
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < tagNames.size(); i++) {
                tags.add(row[i] instanceof Enum<?> e ? e.name() : String.valueOf(row[i]));
            }
            Object value = row[tagNames.size()];
            next.merge(List.copyOf(tags), value == null ? 0.0 : ((Number) value).doubleValue(), Double::sum);
        }
        next.keySet().forEach(this::gauge);
        values.replaceAll((tags, old) -> next.getOrDefault(tags, 0.0));
    }

    private void gauge(List<String> tagValues) {
        if (tagValues.size() != tagNames.size()) {
            throw new IllegalArgumentException(name + ": tag values " + tagValues + " for the tags " + tagNames);
        }
        List<String> key = List.copyOf(tagValues);
        if (values.putIfAbsent(key, 0.0) != null) {
            return;
        }
        Tags tags = Tags.empty();
        for (int i = 0; i < tagNames.size(); i++) {
            tags = tags.and(tagNames.get(i), key.get(i));
        }
        Gauge.builder(name, values, v -> v.getOrDefault(key, 0.0))
                .description(description)
                .tags(tags)
                .register(registry);
    }
}
