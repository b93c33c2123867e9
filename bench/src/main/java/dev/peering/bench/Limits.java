package dev.peering.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The machine's own limits on the stack's own broker and database, measured in the same run: Kafka's
 * tools (ProducerPerformance, EndToEndLatency from org.apache.kafka:kafka-tools, as child JVMs) with the
 * outbox relay's producer settings and the events' own mean size, and a JDBC insert+commit loop on as
 * many connections as a service's pool holds (Quarkus' default max-size, 20; no service changes it).
 */
public final class Limits {

    /** Agroal's default {@code quarkus.datasource.jdbc.max-size}; the services keep it. */
    public static final int SERVICE_POOL_SIZE = 20;

    private static final Pattern PRODUCER = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency,"
                    + " ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final Pattern E2E_AVG = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PERCENTILES =
            Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    public record Producer(
            long records,
            double recordsPerSecond,
            double mbPerSecond,
            double avgMs,
            double p50Ms,
            double p99Ms,
            double p999Ms,
            int recordSize,
            String command) {}

    public record EndToEnd(
            int messages, double avgMs, double p50Ms, double p99Ms, double p999Ms, int recordSize, String command) {}

    public record Jdbc(
            int connections,
            double seconds,
            long commits,
            double commitsPerSecond,
            Percentiles commitLatency,
            Percentiles singleCommitLatency,
            Percentiles pointSelectLatency) {}

    private Limits() {}

    public static void createTopics(String bootstrapServers, List<String> topics) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** ProducerPerformance at full speed with the outbox relay's settings (acks=all, idempotence, linger 1 ms). */
    public static Optional<Producer> producer(String bootstrapServers, String topic, long records, int recordSize)
            throws IOException, InterruptedException {
        List<String> args = List.of(
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                String.valueOf(records),
                "--record-size",
                String.valueOf(recordSize),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrapServers,
                "acks=all",
                "enable.idempotence=true",
                "linger.ms=1");
        String output = runTool(args);
        Matcher m = null;
        for (String line : output.split("\n")) {
            Matcher candidate = PRODUCER.matcher(line);
            if (candidate.find()) {
                m = candidate;
            }
        }
        if (m == null) {
            System.err.println("[bench] ProducerPerformance printed no summary:\n" + tail(output));
            return Optional.empty();
        }
        return Optional.of(new Producer(
                Long.parseLong(m.group(1)),
                Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)),
                Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(8)),
                Double.parseDouble(m.group(9)),
                recordSize,
                "kafka-tools ProducerPerformance " + String.join(" ", args.subList(1, args.size()))));
    }

    /** EndToEndLatency: one message at a time, produce (acks=all) to consume; whole milliseconds. */
    public static Optional<EndToEnd> endToEnd(String bootstrapServers, String topic, int messages, int recordSize)
            throws IOException, InterruptedException {
        List<String> args = List.of(
                "org.apache.kafka.tools.EndToEndLatency",
                bootstrapServers,
                topic,
                String.valueOf(messages),
                "all",
                String.valueOf(recordSize));
        String output = runTool(args);
        Matcher avg = E2E_AVG.matcher(output);
        Matcher percentiles = E2E_PERCENTILES.matcher(output);
        if (!avg.find() || !percentiles.find()) {
            System.err.println("[bench] EndToEndLatency printed no summary:\n" + tail(output));
            return Optional.empty();
        }
        return Optional.of(new EndToEnd(
                messages,
                Double.parseDouble(avg.group(1)),
                Double.parseDouble(percentiles.group(1)),
                Double.parseDouble(percentiles.group(2)),
                Double.parseDouble(percentiles.group(3)),
                recordSize,
                "kafka-tools EndToEndLatency " + String.join(" ", args.subList(1, args.size()))));
    }

    private static String runTool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dlog4j2.level=WARN",
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }

    /**
     * Inserts of one outbox-like row and a commit each, on {@code connections} connections at once for
     * {@code duration}; then the same on one connection (the latency without contention), then point
     * selects by primary key on one connection. In a database of its own, created here.
     */
    public static Jdbc jdbc(
            String serverUrl, String user, String password, int connections, Duration duration, int payloadSize)
            throws Exception {
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement st = admin.createStatement()) {
            st.execute("drop database if exists bench_limits");
            st.execute("create database bench_limits");
        }
        String url = serverUrl + "bench_limits";
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            st.execute(
                    "create table limit_event (seq bigserial primary key, event_id varchar(64) not null unique,"
                            + " topic varchar(249) not null, payload text not null, created_at timestamptz not null default now())");
        }
        String payload = "x".repeat(Math.max(1, payloadSize));
        Samples contended = new Samples();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Long>> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            workers.add(pool.submit(() -> insertLoop(url, user, password, payload, end, contended)));
        }
        long commits = 0;
        for (Future<Long> worker : workers) {
            commits += worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Samples single = new Samples();
        insertLoop(
                url, user, password, payload, System.nanoTime() + Math.min(duration.toNanos(), 5_000_000_000L), single);
        Samples selects = new Samples();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement select =
                        c.prepareStatement("select seq, event_id, payload from limit_event where seq = ?")) {
            long stop = System.nanoTime() + Math.min(duration.toNanos(), 5_000_000_000L);
            long i = 1;
            while (System.nanoTime() < stop) {
                long t = System.nanoTime();
                select.setLong(1, 1 + (i++ * 7919) % Math.max(1, commits));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(3);
                    }
                }
                selects.addNanos(System.nanoTime() - t);
            }
        }
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement st = admin.createStatement()) {
            st.execute("drop database if exists bench_limits");
        }
        return new Jdbc(
                connections,
                seconds,
                commits,
                commits / seconds,
                contended.summary(),
                single.summary(),
                selects.summary());
    }

    private static long insertLoop(String url, String user, String password, String payload, long end, Samples latency)
            throws SQLException {
        long commits = 0;
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = c.prepareStatement(
                        "insert into limit_event (event_id, topic, payload) values (?, 'bench', ?)")) {
            c.setAutoCommit(false);
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, payload);
                insert.executeUpdate();
                c.commit();
                latency.addNanos(System.nanoTime() - t);
                commits++;
            }
        }
        return commits;
    }

    /** For the JSON report. */
    static Map<String, Object> asMap(Object record) {
        return Report.recordMap(record);
    }
}
