package dev.peering.bench;

import java.util.Map;

/** The report's lines on the machine's own limits measured in the run, and the notes on how it measured. */
final class LimitsAndNotes {

    /** What one workflow costs, counted from the topics and the inbox tables over the loaded phases. */
    record Cost(double eventsPerWorkflow, double appliedPerWorkflow, double commitsPerWorkflow, double eventsOnPath) {}

    private LimitsAndNotes() {}

    static void write(
            Report report,
            BenchOptions options,
            Cost cost,
            Limits.Producer producer,
            Limits.EndToEnd endToEnd,
            Limits.Jdbc jdbc,
            int meanEventBytes) {
        double eventsPerWorkflow = cost.eventsPerWorkflow();
        double appliedPerWorkflow = cost.appliedPerWorkflow();
        double commitsPerWorkflow = cost.commitsPerWorkflow();
        double eventsOnPath = cost.eventsOnPath();
        if (producer != null) {
            report.limitLine(
                    "Kafka producer throughput",
                    Report.number(producer.recordsPerSecond()) + " records/s ("
                            + Report.number(producer.mbPerSecond()) + " MB/s, " + producer.recordSize()
                            + " B records; send p50 "
                            + Report.number(producer.p50Ms()) + " ms, p99 " + Report.number(producer.p99Ms())
                            + " ms under saturation)",
                    producer.command());
        } else if (!options.skipLimits()) {
            report.limitLine(
                    "Kafka producer throughput", "failed (see the run's output)", "kafka-tools ProducerPerformance");
        }
        if (endToEnd != null) {
            report.limitLine(
                    "Kafka end-to-end latency",
                    "p50 " + Report.number(endToEnd.p50Ms()) + " ms, p99 " + Report.number(endToEnd.p99Ms())
                            + " ms, p99.9 " + Report.number(endToEnd.p999Ms()) + " ms, mean "
                            + Report.number(endToEnd.avgMs())
                            + " ms (whole ms)",
                    endToEnd.command());
        }
        if (jdbc != null) {
            report.limitLine(
                    "PostgreSQL insert+commit",
                    Report.number(jdbc.commitsPerSecond()) + " commits/s on " + jdbc.connections()
                            + " connections (p50 "
                            + Report.number(jdbc.commitLatency().p50()) + " ms, p99 "
                            + Report.number(jdbc.commitLatency().p99())
                            + " ms); one connection alone: p50 "
                            + Report.number(jdbc.singleCommitLatency().p50()) + " ms, p99 "
                            + Report.number(jdbc.singleCommitLatency().p99()) + " ms",
                    "JDBC, one outbox-like row of " + meanEventBytes
                            + " B per transaction, fsync and synchronous_commit on, as the stack runs");
            report.limitLine(
                    "PostgreSQL point select",
                    "p50 " + Report.number(jdbc.pointSelectLatency().p50()) + " ms, p99 "
                            + Report.number(jdbc.pointSelectLatency().p99()) + " ms",
                    "JDBC, select by primary key, one connection");
        }
        report.limitLine(
                "what one workflow costs",
                Report.number(eventsPerWorkflow) + " events, " + Report.number(appliedPerWorkflow)
                        + " applied events, ~" + Report.number(commitsPerWorkflow) + " commits, "
                        + Report.number(eventsOnPath)
                        + " events on the critical path",
                "counted from the topics and consumed_event over the loaded phases");
        report.put(
                "limits",
                Map.of(
                        "kafkaProducer", producer == null ? "not measured" : producer,
                        "kafkaEndToEnd", endToEnd == null ? "not measured" : endToEnd,
                        "jdbc", jdbc == null ? "not measured" : jdbc));

        report.note(
                "Open-loop workflows/s is the completion rate between a phase's first and last completion (the offered"
                        + " rate when the system keeps up, its capacity when it does not); closed-loop workflows/s is completions"
                        + " over the time from the phase's start to its last completion. Workflow latency counts from the"
                        + " scheduled start (open loop), so a backlog shows as latency, not as a lower rate. Before each loaded"
                        + " phase and before the REST runs the benchmark waits until the stack is quiet (see quietWaits in"
                        + " results.json).");
        RunDescription.schedulerNote(report, options);
        report.note(
                "Per hop: CloudEvent `time` (set when the producing service writes the outbox row) to `consumed_event.applied_at`"
                        + " (now() in the consuming transaction) of the consuming service; relay = time to the record's Kafka timestamp,"
                        + " consume = record timestamp to applied_at. Events are assigned to the phase in which they were made.");
        report.note(
                "Connections are reported Active/Established by following the connection topic (one consumer), each confirmed by"
                        + " one GET on connection-service; a GET every 5 s is the fallback. PUTs refused because an event is still in flight"
                        + " (PeerAsn not yet known to peering-service, no Active connection yet at registration-service) are retried after 50 ms, doubling up to 1 s;"
                        + " the retries are counted.");
        report.note(
                "Stored peerings for the GET/list runs are inserted with SQL into peering-service's database (one Active"
                        + " connection each, settled, nothing published), " + Seeder.PER_SUBSCRIPTION
                        + " per subscription; the list is one"
                        + " subscription's first page. The REST runs come after the workflow phases (so that an overloaded REST run"
                        + " cannot slow a workflow phase), each after 200 untimed requests one at a time and followed by a wait until"
                        + " the service answers within 100 ms again; the seeded counts come on top of the peerings the workflows made"
                        + " (the first REST row's count). Through REST, 100k peerings would each run a full workflow and exhaust the exchange LANs'"
                        + " session addresses.");
        report.note(
                "Workflows per run are bounded by the session addresses of the exchange LANs in the reference data (a peer address is"
                        + " unique per facility): "
                        + "about 7,000 workflows; a phase that runs out stops issuing and says so.");
        report.note(
                "Machine limits: the workflow latency floor is (events on the critical path x one PostgreSQL commit p50) + 3 Kafka"
                        + " end-to-end p50 (PeerAsn -> peering-service, peering -> connection-service, connection -> registration-service);"
                        + " the throughput ceiling is the lower of Kafka records/s over events per workflow and PostgreSQL commits/s over"
                        + " commits per workflow. Both are estimates from this run's own counts. Memory and ready time have no machine limit.");
    }
}
