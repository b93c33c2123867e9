package dev.peering.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A summary of latency samples in milliseconds: count, mean, max and nearest-rank percentiles (the
 * smallest sample such that at least p% of the samples are less than or equal to it), so a p99 of 100
 * samples is the 99th smallest, never an interpolation between two samples.
 */
public record Percentiles(int count, double mean, double max, double p50, double p99, double p999) {

    public static final Percentiles EMPTY =
            new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The summary of {@code samplesMillis}; the array is not changed. */
    public static Percentiles of(double[] samplesMillis) {
        if (samplesMillis.length == 0) {
            return EMPTY;
        }
        double[] sorted = samplesMillis.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double sample : sorted) {
            sum += sample;
        }
        return new Percentiles(
                sorted.length,
                sum / sorted.length,
                sorted[sorted.length - 1],
                rank(sorted, 50),
                rank(sorted, 99),
                rank(sorted, 99.9));
    }

    /** Nearest-rank percentile of sorted samples: the ceil(p/100 * n)-th smallest (1-based). */
    static double rank(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (percentile <= 0) {
            return sorted[0];
        }
        // The epsilon keeps 99.9% of 1000 at rank 999, where floating point would make it 999.0000000000001.
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length - 1e-9);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** For the JSON report: NaN (no samples) becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("meanMs", finite(mean));
        map.put("p50Ms", finite(p50));
        map.put("p99Ms", finite(p99));
        map.put("p999Ms", finite(p999));
        map.put("maxMs", finite(max));
        return map;
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000.0) / 1000.0 : null;
    }
}
