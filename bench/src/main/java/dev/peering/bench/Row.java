package dev.peering.bench;

/**
 * One line of the results table: a measured figure, the machine's matching limit (the best the same
 * broker and database did in isolation, when there is one), their ratio, and the target.
 *
 * @param higherIsBetter throughput (true) or latency and size (false); decides pass/miss and the ratio's sense
 */
public record Row(
        String figure,
        double value,
        String unit,
        double limit,
        String limitSource,
        double target,
        boolean higherIsBetter,
        boolean hasTarget) {

    public static Row of(String figure, double value, String unit, double limit, String limitSource) {
        return new Row(figure, value, unit, limit, limitSource, Double.NaN, false, false);
    }

    public Row target(double target, boolean higherIsBetter) {
        return new Row(figure, value, unit, limit, limitSource, target, higherIsBetter, true);
    }

    /** value / limit: for a throughput the share of the ceiling reached, for a latency how many times the floor. */
    public double ratio() {
        return Double.isFinite(value) && Double.isFinite(limit) && limit > 0 ? value / limit : Double.NaN;
    }

    /** "pass", "miss", "not measured" or "" when the issue sets no target. */
    public String verdict() {
        if (!hasTarget) {
            return "";
        }
        if (!Double.isFinite(value)) {
            return "not measured";
        }
        return (higherIsBetter ? value >= target : value <= target) ? "pass" : "miss";
    }

    public String targetText() {
        if (!hasTarget) {
            return "";
        }
        return (higherIsBetter ? ">= " : "<= ") + Report.number(target) + " " + unit;
    }
}
