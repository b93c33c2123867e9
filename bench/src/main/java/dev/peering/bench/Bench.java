package dev.peering.bench;

import static dev.peering.bench.Progress.say;

import dev.peering.events.Topics;
import dev.peering.faultsuite.drive.Arm;
import dev.peering.localinfra.PostgresServer;
import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The workflow benchmark (issue #12): starts its own stack with zero delays, drives onboarding workflows
 * through REST idle, open-loop at fixed rates and closed-loop, measures REST latency with 1k to 100k
 * stored peerings, per-hop latency from the topics and the inbox tables, CPU and memory from /proc, and
 * the machine's own Kafka and PostgreSQL limits; writes docs/bench/results.{json,md} and the plot.
 */
public final class Bench {

    private final BenchOptions options;
    private final Report report = new Report();
    private final long baseNanos = System.nanoTime();
    private final Instant baseInstant = Instant.now();
    private final Map<String, ProcStats.Usage> peak = new ConcurrentHashMap<>();
    private final Map<String, Double> loadedCpu = new LinkedHashMap<>();
    private final List<Onboarding> created = new ArrayList<>();
    private final List<Load.Phase> phases = new ArrayList<>();
    private EventWatcher watcher;

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        Path root =
                Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new Bench(options).run());
    }

    private Instant wall(long nanos) {
        return baseInstant.plusNanos(nanos - baseNanos);
    }

    int run() throws Exception {
        RunDescription.describe(report, options, baseInstant);
        StackRunner stack = new StackRunner(options);
        Thread hook = new Thread(stack::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proc-sampler");
            t.setDaemon(true);
            return t;
        });
        try {
            say("starting the stack: " + String.join(" ", stack.command()));
            stack.start();
            say("stack ready in " + stack.readySeconds() + " s (launcher), "
                    + Report.number(stack.readySecondsMeasured()) + " s measured here");
            Map<String, Long> pids = stack.pids();
            Map<String, ProcStats.Usage> atReady = ProcStats.sample(pids);
            sampler.scheduleAtFixedRate(() -> sampleInto(pids), 0, 2, TimeUnit.SECONDS);

            PrivateKey key = Tokens.keyPairIn(options.dataDir().resolve("keys"));
            String header = "Bearer " + Tokens.mint(key, "bench", List.of(), Tokens.OPERATOR, Duration.ofHours(12));
            Arm arm = new Arm(() -> header, this::serviceAt);
            Onboarding.Urls urls = new Onboarding.Urls(
                    options.url("asn-validation-service"),
                    options.url("peering-service"),
                    options.url("connection-service"),
                    options.url("registration-service"));
            watcher = new EventWatcher(options.bootstrapServers());
            AddressPool addresses = AddressPool.fromReferenceData();
            say("session addresses for " + addresses.remainingPairs() + " workflows");
            String runId = UUID.randomUUID().toString().substring(0, 8);
            AtomicInteger index = new AtomicInteger();
            EventWatcher w = watcher;
            QuietWaits quiet = new QuietWaits(options, watcher);
            Supplier<Optional<Onboarding>> next = () -> addresses.next().map(pair -> {
                Onboarding onboarding = new Onboarding(arm, urls, w, runId, index.getAndIncrement(), pair);
                synchronized (created) {
                    created.add(onboarding);
                }
                return onboarding;
            });

            Load.Phase warmUp = Load.sequential("warm-up", 2, next, options.workflowTimeout());
            report(warmUp);
            if (warmUp.completed() == 0) {
                throw new IllegalStateException("the stack did not complete a single workflow ("
                        + warmUp.failureSamples()
                        + "); the services' logs are in " + options.dataDir().resolve("logs")
                        + ". A service may be mid-rebuild or broken: try again later.");
            }
            Load.Phase idle = Load.sequential("idle", options.idleWorkflows(), next, options.workflowTimeout());
            report(idle);

            if (options.closedConcurrency() > 0) {
                quiet.quiet();
                Map<String, ProcStats.Usage> before = ProcStats.sample(pids);
                say("closed loop, " + options.closedConcurrency() + " in flight, for "
                        + options.duration().toSeconds() + " s");
                Load.Phase phase = Load.closed(
                        "closed " + options.closedConcurrency(),
                        options.closedConcurrency(),
                        options.duration(),
                        next,
                        options.workflowTimeout());
                addCpu(before, ProcStats.sample(pids));
                report(phase);
            }

            for (double rate : options.rates()) {
                quiet.quiet();
                Map<String, ProcStats.Usage> before = ProcStats.sample(pids);
                say("open loop at " + Report.number(rate) + " workflows/s for "
                        + options.duration().toSeconds() + " s");
                Load.Phase phase = Load.open(
                        "open " + Report.number(rate) + "/s",
                        rate,
                        options.duration(),
                        next,
                        options.workflowTimeout());
                addCpu(before, ProcStats.sample(pids));
                report(phase);
            }
            // REST runs come after the workflows: an overloaded REST run leaves the services a backlog of
            // requests its client gave up on, which would slow the workflow phases after it.
            quiet.quiet();
            RestRuns rest = new RestRuns(options, report, arm, urls);
            rest.small(created, runId);
            rest.seeded();

            say("reading the topics and the inbox tables");
            List<TopicReader.Event> events = TopicReader.readAll(
                    options.bootstrapServers(),
                    List.of(
                            Topics.PEER_ASN_EVENTS,
                            Topics.PEERING_EVENTS,
                            Topics.CONNECTION_EVENTS,
                            Topics.REGISTRATION_EVENTS));
            List<Hops.Applied> applied = new ArrayList<>();
            for (String service : StackRunner.SERVICES) {
                applied.addAll(Hops.applied(
                        options.jdbcUrl(StackRunner.DATABASES.get(service)),
                        PostgresServer.USER,
                        PostgresServer.PASSWORD));
            }
            List<Hops.Hop> hops = Hops.join(events, applied);
            say(events.size() + " events, " + applied.size() + " applied, " + hops.size() + " hops joined");
            int meanEventBytes = (int) Math.round(
                    events.stream().mapToInt(TopicReader.Event::bytes).average().orElse(1024));

            Limits.Producer producer = null;
            Limits.EndToEnd endToEnd = null;
            Limits.Jdbc jdbc = null;
            if (!options.skipLimits()) {
                say("machine limits: Kafka ProducerPerformance");
                Limits.createTopics(options.bootstrapServers(), List.of("bench.limit-producer", "bench.limit-e2e"));
                producer = Limits.producer(options.bootstrapServers(), "bench.limit-producer", 100_000, meanEventBytes)
                        .orElse(null);
                say("machine limits: Kafka EndToEndLatency");
                endToEnd = Limits.endToEnd(options.bootstrapServers(), "bench.limit-e2e", 3_000, meanEventBytes)
                        .orElse(null);
                say("machine limits: JDBC insert+commit on " + Limits.SERVICE_POOL_SIZE + " connections");
                jdbc = Limits.jdbc(
                        "jdbc:postgresql://127.0.0.1:" + options.port("postgres") + "/",
                        PostgresServer.USER,
                        PostgresServer.PASSWORD,
                        Limits.SERVICE_POOL_SIZE,
                        Duration.ofSeconds(10),
                        meanEventBytes);
            }
            sampler.shutdownNow();
            Map<String, ProcStats.Usage> atEnd = ProcStats.sample(pids);

            new Summary(
                            options,
                            report,
                            this::wall,
                            new Summary.Measured(
                                    phases,
                                    rest.results(),
                                    rest.levels(),
                                    rest.smallStored(),
                                    peak,
                                    loadedCpu,
                                    quiet.waits()))
                    .summarise(stack, atReady, atEnd, events, hops, producer, endToEnd, jdbc, meanEventBytes);
            writeResults();
            return 0;
        } finally {
            sampler.shutdownNow();
            if (watcher != null) {
                watcher.close();
            }
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    private String serviceAt(URI uri) {
        return options.ports().entrySet().stream()
                .filter(e -> e.getValue() == uri.getPort())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(uri.getHost() + ":" + uri.getPort());
    }

    private void sampleInto(Map<String, Long> pids) {
        ProcStats.sample(pids)
                .forEach((name, usage) -> peak.merge(
                        name,
                        usage,
                        (a, b) -> new ProcStats.Usage(
                                Math.max(a.cpuSeconds(), b.cpuSeconds()),
                                Math.max(a.rssKb(), b.rssKb()),
                                Math.max(a.pssKb(), b.pssKb()),
                                Math.max(a.processes(), b.processes()))));
    }

    private void addCpu(Map<String, ProcStats.Usage> before, Map<String, ProcStats.Usage> after) {
        after.forEach((name, usage) -> {
            ProcStats.Usage b = before.get(name);
            if (b != null) {
                loadedCpu.merge(name, usage.cpuSeconds() - b.cpuSeconds(), Double::sum);
            }
        });
    }

    private void report(Load.Phase phase) {
        phases.add(phase);
        Percentiles latency = phase.latency();
        say(String.format(
                "%s: %d issued, %d completed, %d failed, %s workflows/s, p50 %s s, p99 %s s%s",
                phase.name(),
                phase.results().size(),
                phase.completed(),
                phase.failed(),
                Report.number(phase.throughput()),
                Report.number(latency.p50() / 1000),
                Report.number(latency.p99() / 1000),
                phase.failed() > 0 ? "; failures: " + phase.failureSamples() : ""));
    }

    private void writeResults() throws IOException {
        List<Chart.Point> open = new ArrayList<>();
        List<Chart.Point> closed = new ArrayList<>();
        for (Load.Phase p : phases) {
            Percentiles l = p.latency();
            if (l.isEmpty()) {
                continue;
            }
            if (p.mode().equals("open")) {
                open.add(new Chart.Point(p.offeredRate(), l.p50() / 1000, l.p99() / 1000));
            } else if (p.mode().equals("closed")) {
                closed.add(new Chart.Point(p.throughput(), l.p50() / 1000, l.p99() / 1000));
            }
        }
        Files.createDirectories(options.outDir());
        var chart = Chart.build(open, closed, Targets.P99_AT_50_MS / 1000);
        Chart.writeSvg(chart, options.outDir().resolve("latency-vs-load.svg"));
        Chart.writePng(chart, options.outDir().resolve("latency-vs-load.png"));
        report.write(options.outDir(), "latency-vs-load.svg");
        System.out.println();
        System.out.println(report.markdown(null));
        say("results in " + options.outDir());
    }
}
