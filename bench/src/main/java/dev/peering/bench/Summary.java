package dev.peering.bench;

import dev.peering.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The benchmark's report from what one run measured: what a workflow costs, every figure next to the
 * machine's own limit measured in the same run and the target, the tables and the notes.
 */
final class Summary {

    /** What the run collected before the summary. */
    record Measured(
            List<Load.Phase> phases,
            List<RestProbe.Result> restResults,
            Map<String, Integer> restLevels,
            int smallStored,
            Map<String, ProcStats.Usage> peak,
            Map<String, Double> loadedCpu,
            List<Map<String, Object>> quietWaits) {}

    private final BenchOptions options;
    private final Report report;
    private final LongFunction<Instant> wallClock;
    private final List<Load.Phase> phases;
    private final List<RestProbe.Result> restResults;
    private final Map<String, Integer> restLevels;
    private final int smallStored;
    private final Map<String, ProcStats.Usage> peak;
    private final Map<String, Double> loadedCpu;
    private final List<Map<String, Object>> quietWaits;

    Summary(BenchOptions options, Report report, LongFunction<Instant> wallClock, Measured measured) {
        this.options = options;
        this.report = report;
        this.wallClock = wallClock;
        this.phases = measured.phases();
        this.restResults = measured.restResults();
        this.restLevels = measured.restLevels();
        this.smallStored = measured.smallStored();
        this.peak = measured.peak();
        this.loadedCpu = measured.loadedCpu();
        this.quietWaits = measured.quietWaits();
    }

    private Instant wall(long nanos) {
        return wallClock.apply(nanos);
    }

    private Optional<Load.Phase> phase(String mode, double rate) {
        return phases.stream()
                .filter(p -> p.mode().equals(mode) && (rate < 0 || Math.abs(p.offeredRate() - rate) < 1e-9))
                .findFirst();
    }

    private Optional<RestProbe.Result> rest(String name, int storedLevel) {
        int i = 0;
        for (Map.Entry<String, Integer> entry : restLevels.entrySet()) {
            RestProbe.Result result = restResults.get(i++);
            if (result.name().equals(name) && entry.getValue() == storedLevel) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    void summarise(
            StackRunner stack,
            Map<String, ProcStats.Usage> atReady,
            Map<String, ProcStats.Usage> atEnd,
            List<TopicReader.Event> events,
            List<Hops.Hop> hops,
            Limits.Producer producer,
            Limits.EndToEnd endToEnd,
            Limits.Jdbc jdbc,
            int meanEventBytes) {
        // What one workflow costs, from the loaded phases: events published, events applied, transactions.
        List<Load.Phase> loaded = phases.stream()
                .filter(p -> p.mode().equals("open") || p.mode().equals("closed"))
                .toList();
        long issued = loaded.stream().mapToLong(p -> p.results().size()).sum();
        long eventsInLoad = events.stream()
                .filter(e -> e.time() != null && loaded.stream().anyMatch(p -> within(e.time(), p)))
                .count();
        long appliedInLoad = hops.stream()
                .filter(h -> loaded.stream().anyMatch(p -> within(h.eventTime(), p)))
                .count();
        long connectionEventsInLoad = events.stream()
                .filter(e -> e.time() != null
                        && e.topic().equals(Topics.CONNECTION_EVENTS)
                        && loaded.stream().anyMatch(p -> within(e.time(), p)))
                .count();
        double eventsPerWorkflow = issued == 0 ? Double.NaN : (double) eventsInLoad / issued;
        double appliedPerWorkflow = issued == 0 ? Double.NaN : (double) appliedInLoad / issued;
        // One commit per event written (with its change), one per event applied, one per accepted PUT (3).
        double commitsPerWorkflow = eventsPerWorkflow + appliedPerWorkflow + 3;
        // Critical path: the two connections run side by side, so half the connection events are on it.
        double eventsOnPath =
                issued == 0 ? Double.NaN : eventsPerWorkflow - (double) connectionEventsInLoad / issued / 2;
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("workflowsIssuedUnderLoad", issued);
        cost.put("eventsPerWorkflow", eventsPerWorkflow);
        cost.put("appliedEventsPerWorkflow", appliedPerWorkflow);
        cost.put("approxCommitsPerWorkflow", commitsPerWorkflow);
        cost.put("eventsOnCriticalPath", eventsOnPath);
        cost.put("meanEventBytes", meanEventBytes);
        report.put("workflowCost", cost);

        double kafkaCeiling = producer == null ? Double.NaN : producer.recordsPerSecond() / eventsPerWorkflow;
        double dbCeiling = jdbc == null ? Double.NaN : jdbc.commitsPerSecond() / commitsPerWorkflow;
        double ceiling = Double.isNaN(kafkaCeiling)
                ? dbCeiling
                : Double.isNaN(dbCeiling) ? kafkaCeiling : Math.min(kafkaCeiling, dbCeiling);
        String ceilingSource = Double.isNaN(ceiling)
                ? "not measured"
                : (ceiling == dbCeiling
                        ? "PostgreSQL commits/s / commits per workflow"
                        : "Kafka records/s / events per workflow");
        double e2eP50 = endToEnd == null ? Double.NaN : endToEnd.p50Ms();
        double commitP50 =
                jdbc == null ? Double.NaN : jdbc.singleCommitLatency().p50();
        double latencyFloor = eventsOnPath * commitP50 + 3 * e2eP50;

        double sustained = phases.stream()
                .filter(p -> !p.mode().equals("sequential"))
                .mapToDouble(Load.Phase::throughput)
                .max()
                .orElse(Double.NaN);
        report.row(Row.of("sustained workflows/s (best phase)", sustained, "workflows/s", ceiling, ceilingSource)
                .target(Targets.WORKFLOWS_PER_SECOND, true));
        phase("closed", -1)
                .ifPresent(p -> report.row(Row.of(
                        "closed loop (" + p.concurrency() + " in flight) workflows/s",
                        p.throughput(),
                        "workflows/s",
                        ceiling,
                        ceilingSource)));

        Optional<Load.Phase> idle =
                phases.stream().filter(p -> p.name().equals("idle")).findFirst();
        String floorSource = "events on the critical path x one commit + 3 Kafka hops";
        report.row(Row.of(
                        "idle workflow p50",
                        idle.map(p -> p.latency().p50()).orElse(Double.NaN),
                        "ms",
                        latencyFloor,
                        floorSource)
                .target(Targets.IDLE_P50_MS, false));
        for (Load.Phase p : phases) {
            if (p.mode().equals("open")) {
                Row row = Row.of(
                        "workflow p99 at " + Report.number(p.offeredRate()) + "/s",
                        p.latency().p99(),
                        "ms",
                        latencyFloor,
                        floorSource);
                report.row(Math.abs(p.offeredRate() - 50) < 1e-9 ? row.target(Targets.P99_AT_50_MS, false) : row);
            }
        }
        if (phase("open", 50).isEmpty()) {
            report.row(Row.of("workflow p99 at 50/s", Double.NaN, "ms", latencyFloor, "rate 50 not in --rates")
                    .target(Targets.P99_AT_50_MS, false));
        }

        PhaseTables phaseTables = new PhaseTables(report, wallClock);
        phaseTables.hops(phases, hops, endToEnd);

        double selectP99 = jdbc == null ? Double.NaN : jdbc.pointSelectLatency().p99();
        double selectP50 = jdbc == null ? Double.NaN : jdbc.pointSelectLatency().p50();
        double commitP99 =
                jdbc == null ? Double.NaN : jdbc.singleCommitLatency().p99();
        int small = smallStored;
        for (int i = 0; i < restResults.size(); i++) {
            RestProbe.Result r = restResults.get(i);
            int stored = new ArrayList<>(restLevels.values()).get(i);
            report.restLine(
                    r.name(),
                    String.valueOf(stored),
                    String.valueOf(r.rate()),
                    String.valueOf(r.sent()),
                    String.valueOf(r.ok()),
                    String.valueOf(r.notSent()),
                    Report.number(r.latency().p50()),
                    Report.number(r.latency().p99()),
                    Report.number(r.latency().p999()));
        }
        restSmallRows(small, selectP50, selectP99, commitP50, commitP99);

        double totalPeakMb = ProcessTable.write(report, atReady, peak, atEnd, loadedCpu);
        report.meta().put("loadAverageAtEnd", RunDescription.loadAverage());
        report.row(Row.of(
                        "whole stack memory at peak (launcher, Kafka, services RSS; PostgreSQL PSS)",
                        totalPeakMb,
                        "MB",
                        Double.NaN,
                        "none (machine: " + meta("memory") + ")")
                .target(Targets.RSS_MB, false));
        report.row(Row.of("stack ready", stack.readySeconds(), "s", Double.NaN, "none")
                .target(Targets.READY_S, false));
        report.put(
                "processes",
                Map.of("atReady", atReady, "peak", peak, "atEnd", atEnd, "cpuSecondsWhileLoaded", loadedCpu));
        report.put(
                "stack",
                Map.of(
                        "readySecondsByLauncher", stack.readySeconds(),
                        "readySecondsMeasured", stack.readySecondsMeasured(),
                        "command", String.join(" ", stack.command()),
                        "environment", StackRunner.zeroDelayEnvironment()));

        phaseTables.phases(phases);
        report.put("rest", restResults);
        report.put("quietWaits", quietWaits);

        LimitsAndNotes.write(
                report,
                options,
                new LimitsAndNotes.Cost(eventsPerWorkflow, appliedPerWorkflow, commitsPerWorkflow, eventsOnPath),
                producer,
                endToEnd,
                jdbc,
                meanEventBytes);
    }

    private void restSmallRows(int small, double selectP50, double selectP99, double commitP50, double commitP99) {
        rest("GET peering", small).ifPresent(r -> {
            report.row(Row.of(
                    "GET peering p50 at " + r.rate() + "/s",
                    r.latency().p50(),
                    "ms",
                    selectP50,
                    "PostgreSQL point select p50"));
            report.row(Row.of(
                            "GET peering p99 at " + r.rate() + "/s",
                            r.latency().p99(),
                            "ms",
                            selectP99,
                            "PostgreSQL point select p99")
                    .target(Targets.GET_P99_MS, false));
        });
        rest("PUT PeerAsn (create)", small).ifPresent(r -> {
            report.row(Row.of(
                    "PUT PeerAsn p50 at " + r.rate() + "/s",
                    r.latency().p50(),
                    "ms",
                    commitP50,
                    "PostgreSQL commit p50"));
            report.row(Row.of(
                    "PUT PeerAsn p99 at " + r.rate() + "/s",
                    r.latency().p99(),
                    "ms",
                    commitP99,
                    "PostgreSQL commit p99"));
        });
        List<Integer> levels = options.peeringLevels();
        for (int level : levels) {
            rest("GET peering", level)
                    .ifPresent(r -> report.row(Row.of(
                                    "GET peering p99, " + level + " stored",
                                    r.latency().p99(),
                                    "ms",
                                    selectP99,
                                    "PostgreSQL point select p99")
                            .target(Targets.GET_P99_MS, false)));
            rest("list peerings", level)
                    .ifPresent(r -> report.row(Row.of(
                            "list peerings p99, " + level + " stored",
                            r.latency().p99(),
                            "ms",
                            Double.NaN,
                            "none")));
        }
        if (levels.size() >= 2) {
            int low = levels.get(0);
            int high = levels.get(levels.size() - 1);
            for (String name : List.of("GET peering", "list peerings")) {
                Optional<RestProbe.Result> a = rest(name, low);
                Optional<RestProbe.Result> b = rest(name, high);
                if (a.isPresent() && b.isPresent()) {
                    report.row(Row.of(
                                    name + " p99 growth " + low + " -> " + high + " stored",
                                    b.get().latency().p99() / a.get().latency().p99(),
                                    "x",
                                    Double.NaN,
                                    "none")
                            .target(Targets.GET_GROWTH, false));
                }
            }
        }
    }

    private boolean within(Instant time, Load.Phase p) {
        return !time.isBefore(wall(p.startNanos())) && time.isBefore(wall(p.endNanos()));
    }

    private Object meta(String key) {
        return report.meta().getOrDefault(key, "?");
    }
}
