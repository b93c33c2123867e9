package dev.peering.systemtests;

import java.util.List;

/** p50, p95 and max of a few measurements, for the figures a test prints. */
final class Percentiles {

    private Percentiles() {}

    static long p95(List<Long> values) {
        return at(values, 0.95);
    }

    static String describe(List<Long> values) {
        return "n=" + values.size() + " p50=" + at(values, 0.5) + " p95=" + at(values, 0.95) + " max="
                + at(values, 1.0);
    }

    private static long at(List<Long> values, double quantile) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
