package dev.peering.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The report's tables with a line per load phase: the phases themselves (what was issued and completed, the
 * throughput, the latency and each step's median) with their raw data, and the per-hop latency of the events
 * applied during each phase, with the rows that hold it at 20/s against Kafka's own end-to-end latency.
 */
final class PhaseTables {

    private final Report report;
    private final LongFunction<Instant> wallClock;

    PhaseTables(Report report, LongFunction<Instant> wallClock) {
        this.report = report;
        this.wallClock = wallClock;
    }

    private Instant wall(long nanos) {
        return wallClock.apply(nanos);
    }

    /** The hop table, a line per phase, and the per-hop rows at 20/s. */
    void hops(List<Load.Phase> phases, List<Hops.Hop> hops, Limits.EndToEnd endToEnd) {
        double[] e2e = endToEnd == null
                ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                : new double[] {endToEnd.p50Ms(), endToEnd.p99Ms(), endToEnd.p999Ms()};
        String e2eSource = "Kafka EndToEndLatency";
        for (Load.Phase p : phases) {
            Hops.Summary s = Hops.summarise(hops, wall(p.startNanos()), wall(p.endNanos()));
            String slowest = s.byConsumer().entrySet().stream()
                    .max((a, b) ->
                            Double.compare(a.getValue().p99(), b.getValue().p99()))
                    .map(e -> e.getKey() + " " + Report.number(e.getValue().p99()))
                    .orElse("-");
            report.hopLine(
                    p.name(),
                    String.valueOf(s.total().count()),
                    Report.number(s.total().p50()),
                    Report.number(s.total().p99()),
                    Report.number(s.total().p999()),
                    Report.number(s.relay().p50()) + " / "
                            + Report.number(s.relay().p99()),
                    Report.number(s.consume().p50()) + " / "
                            + Report.number(s.consume().p99()),
                    slowest);
            report.put("hops " + p.name(), s);
            if (openAt20(p)) {
                report.row(Row.of("per-hop p50 at 20/s", s.total().p50(), "ms", e2e[0], e2eSource + " p50"));
                report.row(Row.of("per-hop p99 at 20/s", s.total().p99(), "ms", e2e[1], e2eSource + " p99")
                        .target(Targets.HOP_P99_MS, false));
                report.row(Row.of("per-hop p99.9 at 20/s", s.total().p999(), "ms", e2e[2], e2eSource + " p99.9"));
            }
        }
        if (phases.stream().noneMatch(PhaseTables::openAt20)) {
            report.row(Row.of("per-hop p99 at 20/s", Double.NaN, "ms", e2e[1], "rate 20 not in --rates")
                    .target(Targets.HOP_P99_MS, false));
        }
    }

    private static boolean openAt20(Load.Phase p) {
        return p.mode().equals("open") && Math.abs(p.offeredRate() - 20) < 1e-9;
    }

    /** The phase table and each phase's raw data. */
    void phases(List<Load.Phase> phases) {
        List<Map<String, Object>> phaseData = new ArrayList<>();
        for (Load.Phase p : phases) {
            double[] steps = stepP50(p);
            report.phaseLine(
                    p.name(),
                    p.mode().equals("open")
                            ? Report.number(p.offeredRate()) + "/s"
                            : p.mode().equals("closed") ? p.concurrency() + " in flight" : "one at a time",
                    String.valueOf(p.results().size()) + (p.addressesRanOut() ? " (addresses ran out)" : ""),
                    String.valueOf(p.completed()),
                    String.valueOf(p.failed()),
                    Report.number(p.throughput()),
                    Report.number(p.latency().p50() / 1000),
                    Report.number(p.latency().p99() / 1000),
                    Report.number(p.latency().max() / 1000),
                    Report.number(steps[0]) + " / " + Report.number(steps[1]) + " / " + Report.number(steps[2]) + " / "
                            + Report.number(steps[3]),
                    String.valueOf(p.results().stream()
                            .mapToInt(Onboarding.Result::retries)
                            .sum()));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", p.name());
            d.put("mode", p.mode());
            d.put("offeredPerSecond", p.offeredRate());
            d.put("concurrency", p.concurrency());
            d.put("durationSeconds", p.durationSeconds());
            d.put("issued", p.results().size());
            d.put("completed", p.completed());
            d.put("failed", p.failed());
            d.put("addressesRanOut", p.addressesRanOut());
            d.put("workflowsPerSecond", p.throughput());
            d.put("latency", p.latency());
            d.put(
                    "stepP50Ms",
                    Map.of("peerAsn", steps[0], "peering", steps[1], "connections", steps[2], "registered", steps[3]));
            d.put("failureSamples", p.failureSamples());
            d.put("wallStart", wall(p.startNanos()).toString());
            d.put("wallEnd", wall(p.endNanos()).toString());
            phaseData.add(d);
        }
        report.put("phases", phaseData);
    }

    private static double[] stepP50(Load.Phase p) {
        List<Onboarding.Result> ok =
                p.results().stream().filter(Onboarding.Result::ok).toList();
        return new double[] {
            Percentiles.of(ok.stream().mapToDouble(Onboarding.Result::peerAsnMs).toArray())
                    .p50(),
            Percentiles.of(ok.stream().mapToDouble(Onboarding.Result::peeringMs).toArray())
                    .p50(),
            Percentiles.of(ok.stream()
                            .mapToDouble(Onboarding.Result::connectionsMs)
                            .toArray())
                    .p50(),
            Percentiles.of(ok.stream()
                            .mapToDouble(Onboarding.Result::registeredMs)
                            .toArray())
                    .p50()
        };
    }
}
