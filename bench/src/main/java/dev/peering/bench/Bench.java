package dev.peering.bench;

import dev.peering.events.Topics;
import dev.peering.faultsuite.drive.Arm;
import dev.peering.localinfra.PostgresServer;
import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
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

    static final List<String> SERVICES =
            List.of("asn-validation-service", "peering-service", "connection-service", "registration-service");
    static final Map<String, String> DATABASES = Map.of(
            "asn-validation-service", "asn_validation",
            "peering-service", "peering",
            "connection-service", "connection",
            "registration-service", "registration");

    // Targets of issue #12.
    static final double TARGET_WORKFLOWS_PER_SECOND = 100;
    static final double TARGET_IDLE_P50_MS = 1000;
    static final double TARGET_P99_AT_50_MS = 5000;
    static final double TARGET_HOP_P99_MS = 50;
    static final double TARGET_GET_P99_MS = 10;
    static final double TARGET_GET_GROWTH = 2;
    static final double TARGET_RSS_MB = 1536;
    static final double TARGET_READY_S = 15;

    private final BenchOptions options;
    private final Report report = new Report();
    private final long baseNanos = System.nanoTime();
    private final Instant baseInstant = Instant.now();
    private final Map<String, ProcStats.Usage> peak = new ConcurrentHashMap<>();
    private final Map<String, Double> loadedCpu = new LinkedHashMap<>();
    private final List<Onboarding> created = new ArrayList<>();
    private final List<Load.Phase> phases = new ArrayList<>();
    private final List<RestProbe.Result> restResults = new ArrayList<>();
    private final Map<String, Integer> restLevels = new LinkedHashMap<>();
    private int smallStored;
    private final List<Map<String, Object>> quietWaits = new ArrayList<>();
    private EventWatcher watcher;
    static final int QUIET_TIMEOUT_SECONDS = 240;

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

    private static void say(String text) {
        System.out.println("[bench] " + text);
    }

    int run() throws Exception {
        describeRun();
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
                quiet();
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
                quiet();
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
            quiet();
            restSmall(arm, urls, runId);
            restSeeded(arm, urls);

            say("reading the topics and the inbox tables");
            List<TopicReader.Event> events = TopicReader.readAll(
                    options.bootstrapServers(),
                    List.of(
                            Topics.PEER_ASN_EVENTS,
                            Topics.PEERING_EVENTS,
                            Topics.CONNECTION_EVENTS,
                            Topics.REGISTRATION_EVENTS));
            List<Hops.Applied> applied = new ArrayList<>();
            for (String service : SERVICES) {
                applied.addAll(Hops.applied(
                        options.jdbcUrl(DATABASES.get(service)), PostgresServer.USER, PostgresServer.PASSWORD));
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

            summarise(stack, atReady, atEnd, events, hops, producer, endToEnd, jdbc, meanEventBytes);
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

    /** GET, list and PUT on the few resources the workflows made. */
    private void restSmall(Arm arm, Onboarding.Urls urls, String runId) throws InterruptedException {
        Onboarding first = created.get(0);
        String get = urls.peering() + first.peeringPath();
        String list =
                urls.peering() + "/subscriptions/" + first.subscription() + "/providers/Microsoft.Peering/peerings";
        int stored = created.size();
        smallStored = stored;
        probe("GET peering", stored, arm, options.getRate(), i -> new RestProbe.Request("GET", get, null));
        probe("list peerings", stored, arm, options.getRate(), i -> new RestProbe.Request("GET", list, null));
        String putBase = urls.asn() + "/subscriptions/bench-put-" + runId + "/providers/Microsoft.Peering/peerAsns/put";
        probe(
                "PUT PeerAsn (create)",
                stored,
                arm,
                options.putRate(),
                i -> new RestProbe.Request(
                        "PUT",
                        putBase + (i < 0 ? "w" + (-i) : String.valueOf(i)),
                        "{\"properties\":{\"peerAsn\":" + (i < 0 ? 3_500_000L - i : 3_000_000L + i)
                                + ",\"peerName\":\"Bench Put\","
                                + "\"peerContactDetail\":[{\"role\":\"Noc\",\"email\":\"noc@example.com\"}]}}"));
    }

    /** GET and list with 1k, 10k, 100k peerings stored (seeded with SQL into peering-service's database). */
    private void restSeeded(Arm arm, Onboarding.Urls urls) throws Exception {
        if (options.peeringLevels().isEmpty()) {
            return;
        }
        Seeder seeder = new Seeder(options.jdbcUrl("peering"), PostgresServer.USER, PostgresServer.PASSWORD);
        for (int level : options.peeringLevels()) {
            double seconds = seeder.seedTo(level);
            say("seeded " + level + " peerings (SQL) in " + Report.number(seconds) + " s");
            report.put("seed" + level + "Seconds", seconds);
            SplittableRandom random = new SplittableRandom(level);
            int subscriptions = Math.max(1, level / Seeder.PER_SUBSCRIPTION);
            probe(
                    "GET peering",
                    level,
                    arm,
                    options.getRate(),
                    i -> new RestProbe.Request(
                            "GET", urls.peering() + Seeder.peeringPath(random.nextInt(level)), null));
            probe(
                    "list peerings",
                    level,
                    arm,
                    options.getRate(),
                    i -> new RestProbe.Request(
                            "GET",
                            urls.peering() + "/subscriptions/"
                                    + Seeder.subscription(random.nextInt(subscriptions) * Seeder.PER_SUBSCRIPTION)
                                    + "/providers/Microsoft.Peering/peerings",
                            null));
        }
    }

    private void probe(
            String name, int stored, Arm arm, int rate, java.util.function.LongFunction<RestProbe.Request> request)
            throws InterruptedException {
        if (rate <= 0) {
            return;
        }
        RestProbe.Result result = RestProbe.run(name, arm, rate, options.restDuration(), request);
        settle(arm, request.apply(0));
        restResults.add(result);
        restLevels.put(name + "@" + stored + "#" + restResults.size(), stored);
        say(String.format(
                "%s, %d stored, %d/s: %d sent, %d 2xx, p50 %s ms, p99 %s ms",
                name,
                stored,
                rate,
                result.sent(),
                result.ok(),
                Report.number(result.latency().p50()),
                Report.number(result.latency().p99())));
    }

    /**
     * Waits until the stack has finished what the last phase left it (workflows that gave up on the client
     * side go on in the services): no change in the outbox rows and applied events of the four databases nor in
     * the connection topic for 3 s
     * in a row, at most {@link #QUIET_TIMEOUT_SECONDS}; records how long it took.
     */
    private void quiet() throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(QUIET_TIMEOUT_SECONDS);
        long last = -1;
        int stable = 0;
        while (stable < 3 && System.nanoTime() < deadline) {
            long now = activity();
            stable = now == last ? stable + 1 : 0;
            last = now;
            if (stable < 3) {
                TimeUnit.SECONDS.sleep(1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean reached = stable >= 3;
        quietWaits.add(Map.of("seconds", seconds, "quiet", reached));
        say("stack quiet after " + Report.number(seconds) + " s" + (reached ? "" : " (gave up waiting)"));
    }

    /** Events on the four topics plus events applied in the four inboxes: grows while anything is in flight. */
    private long activity() throws Exception {
        long total = 0;
        for (String service : SERVICES) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                            options.jdbcUrl(DATABASES.get(service)), PostgresServer.USER, PostgresServer.PASSWORD);
                    java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery(
                            "select (select count(*) from consumed_event) * 1000003 + (select count(*) from outbox_event)")) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        return total + watcher.seen();
    }

    /**
     * Waits (at most 3 minutes) until one request answers within 100 ms twice in a row, so the backlog an
     * overloaded run leaves behind does not count against the next one.
     */
    private static void settle(Arm arm, RestProbe.Request request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        int fast = 0;
        while (fast < 2 && System.nanoTime() < deadline) {
            long t = System.nanoTime();
            arm.once("GET", request.url(), null);
            fast = System.nanoTime() - t < TimeUnit.MILLISECONDS.toNanos(100) ? fast + 1 : 0;
            if (fast < 2) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
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

    private void summarise(
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
                .target(TARGET_WORKFLOWS_PER_SECOND, true));
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
                .target(TARGET_IDLE_P50_MS, false));
        for (Load.Phase p : phases) {
            if (p.mode().equals("open")) {
                Row row = Row.of(
                        "workflow p99 at " + Report.number(p.offeredRate()) + "/s",
                        p.latency().p99(),
                        "ms",
                        latencyFloor,
                        floorSource);
                report.row(Math.abs(p.offeredRate() - 50) < 1e-9 ? row.target(TARGET_P99_AT_50_MS, false) : row);
            }
        }
        if (phase("open", 50).isEmpty()) {
            report.row(Row.of("workflow p99 at 50/s", Double.NaN, "ms", latencyFloor, "rate 50 not in --rates")
                    .target(TARGET_P99_AT_50_MS, false));
        }

        double[] e2e = endToEnd == null
                ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                : new double[] {endToEnd.p50Ms(), endToEnd.p99Ms(), endToEnd.p999Ms()};
        String e2eSource = "Kafka EndToEndLatency";
        for (Load.Phase p : phases) {
            Hops.Summary s = Hops.summarise(hops, wall(p.startNanos()), wall(p.endNanos()));
            boolean at20 = p.mode().equals("open") && Math.abs(p.offeredRate() - 20) < 1e-9;
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
            if (at20) {
                report.row(Row.of("per-hop p50 at 20/s", s.total().p50(), "ms", e2e[0], e2eSource + " p50"));
                report.row(Row.of("per-hop p99 at 20/s", s.total().p99(), "ms", e2e[1], e2eSource + " p99")
                        .target(TARGET_HOP_P99_MS, false));
                report.row(Row.of("per-hop p99.9 at 20/s", s.total().p999(), "ms", e2e[2], e2eSource + " p99.9"));
            }
        }
        if (phase("open", 20).isEmpty()) {
            report.row(Row.of("per-hop p99 at 20/s", Double.NaN, "ms", e2e[1], "rate 20 not in --rates")
                    .target(TARGET_HOP_P99_MS, false));
        }

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

        // Memory and CPU per process.
        double totalPeakMb = 0;
        double totalReadyMb = 0;
        for (String name : atReady.keySet()) {
            ProcStats.Usage ready = atReady.get(name);
            ProcStats.Usage top = peak.getOrDefault(name, ready);
            ProcStats.Usage end = atEnd.getOrDefault(name, top);
            boolean tree = name.equals("postgres");
            double readyMb = (tree ? ready.pssKb() : ready.rssKb()) / 1024.0;
            double peakMb = (tree ? top.pssKb() : top.rssKb()) / 1024.0;
            totalPeakMb += peakMb;
            totalReadyMb += readyMb;
            report.processLine(
                    name + (tree ? " (" + top.processes() + " processes)" : ""),
                    Report.number(ready.rssKb() / 1024.0),
                    Report.number(top.rssKb() / 1024.0),
                    Report.number(top.pssKb() / 1024.0),
                    Report.number(loadedCpu.getOrDefault(name, Double.NaN)),
                    Report.number(end.cpuSeconds()));
        }
        report.processLine(
                "total (PostgreSQL counted by PSS)",
                Report.number(totalReadyMb),
                Report.number(totalPeakMb),
                "",
                "",
                "");
        ProcStats.of(ProcessHandle.current().pid(), false)
                .ifPresent(self -> report.processLine(
                        "this benchmark (load generator, same machine; not in the total)",
                        "",
                        Report.number(self.rssKb() / 1024.0),
                        "",
                        "",
                        Report.number(self.cpuSeconds())));
        report.meta().put("loadAverageAtEnd", loadAverage());
        report.row(Row.of(
                        "whole stack memory at peak (launcher, Kafka, services RSS; PostgreSQL PSS)",
                        totalPeakMb,
                        "MB",
                        Double.NaN,
                        "none (machine: " + meta("memory") + ")")
                .target(TARGET_RSS_MB, false));
        report.row(Row.of("stack ready", stack.readySeconds(), "s", Double.NaN, "none")
                .target(TARGET_READY_S, false));
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

        // Phase table and raw data.
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
        report.put("rest", restResults);
        report.put("quietWaits", quietWaits);

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
        schedulerNote();
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
                    .target(TARGET_GET_P99_MS, false));
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
                            .target(TARGET_GET_P99_MS, false)));
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
                            .target(TARGET_GET_GROWTH, false));
                }
            }
        }
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

    private boolean within(Instant time, Load.Phase p) {
        return !time.isBefore(wall(p.startNanos())) && time.isBefore(wall(p.endNanos()));
    }

    private Object meta(String key) {
        return report.meta().getOrDefault(key, "?");
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
        var chart = Chart.build(open, closed, TARGET_P99_AT_50_MS / 1000);
        Chart.writeSvg(chart, options.outDir().resolve("latency-vs-load.svg"));
        Chart.writePng(chart, options.outDir().resolve("latency-vs-load.png"));
        report.write(options.outDir(), "latency-vs-load.svg");
        System.out.println();
        System.out.println(report.markdown(null));
        say("results in " + options.outDir());
    }

    private void describeRun() {
        Map<String, Object> meta = report.meta();
        meta.put(
                "date",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        baseInstant.atOffset(ZoneOffset.UTC).withNano(0)));
        meta.put("command", options.command());
        meta.put("nproc", Runtime.getRuntime().availableProcessors());
        String memory = memTotal();
        meta.put("memory", memory);
        meta.put("loadAverageAtStart", loadAverage());
        meta.put("cpu", cpuModel());
        meta.put(
                "machine",
                Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), " + memory + " RAM, "
                        + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                        + System.getProperty("java.version"));
        meta.put(
                "commit",
                git("rev-parse", "HEAD")
                        + (git("status", "--porcelain").isBlank() ? "" : " (working tree with uncommitted changes)"));
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("rates", options.rates());
        opts.put("durationSeconds", options.duration().toSeconds());
        opts.put("closedConcurrency", options.closedConcurrency());
        opts.put("idleWorkflows", options.idleWorkflows());
        opts.put("peerings", options.peeringLevels());
        opts.put("getRate", options.getRate());
        opts.put("putRate", options.putRate());
        opts.put("restDurationSeconds", options.restDuration().toSeconds());
        opts.put("workflowTimeoutSeconds", options.workflowTimeout().toSeconds());
        opts.put("ports", options.ports());
        meta.put("options", opts);
    }

    /** /proc/loadavg's first three fields: the machine is shared, and this says how busy it was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The services' logs say when a poll interval below 1 s was not honoured. */
    private void schedulerNote() {
        List<String> slowed = new ArrayList<>();
        for (String service : SERVICES) {
            Path log = options.dataDir().resolve("logs").resolve(service + ".log");
            try {
                if (Files.exists(log)
                        && Files.readString(log).contains("An every() value less than 1000 ms is not supported")) {
                    slowed.add(service);
                }
            } catch (IOException e) {
                // no log, no note
            }
        }
        if (!slowed.isEmpty()) {
            report.note(
                    "The stack was asked for 200 ms poll intervals, but Quarkus' simple scheduler runs every() values"
                            + " below 1 s at 1 s and says so in the log of " + String.join(", ", slowed)
                            + " (\"An every() value less than 1000 ms is not supported\"): each scheduler-driven step can wait up to 1 s.");
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Report.number(kb / 1024.0 / 1024.0) + " GiB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "?";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "?";
    }

    private String git(String... args) {
        try {
            List<String> command =
                    new ArrayList<>(List.of("git", "-C", options.root().toString()));
            command.addAll(List.of(args));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
