package dev.peering.faultsuite.stack;

import dev.peering.core.KafkaClientSettings;
import dev.peering.localinfra.ChildProcess;
import dev.peering.localinfra.KafkaCluster;
import dev.peering.localinfra.PostgresServer;
import dev.peering.localinfra.ProcessSettings;
import dev.peering.localinfra.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * PostgreSQL, Kafka and the four packaged services, each its own process started the way the local
 * stack starts it (same environment variables, profile {@code local}), on free ports and under one data
 * folder, with the hooks the fault schedule needs.
 */
public final class Stack implements AutoCloseable {

    // Measured: a restarted service took 95 s to start while eight JVMs, the broker and builds shared two cores.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    /** Each start of a process is marked in its log, which holds every run of it. */
    private static final ProcessSettings PROCESSES = ProcessSettings.defaults().withStartBanner("fault suite");

    /**
     * What to run and how fast: {@code serviceEnvironment} adds variables to every service (the
     * workflow delays); {@code sessionTimeout}, when set, is every consumer's {@code session.timeout.ms}.
     */
    public record Config(
            Path root,
            Path dataDir,
            Map<String, String> serviceEnvironment,
            Duration sessionTimeout,
            int instances,
            int brokers) {}

    private final Config config;
    private final PostgresServer postgres;
    private final KafkaCluster kafka;
    private final OperatorTokens tokens;
    /** Each service's instances, in one consumer group and on one database; the faults hit the first. */
    private final Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);

    private final Map<Service, List<ChildProcess>> services = new EnumMap<>(Service.class);
    private Thread shutdownHook;
    private final Readiness readiness = new Readiness();
    private final BrokerFaults broker;
    private final PostgresFaults database;

    private Stack(Config config, PostgresServer postgres, KafkaCluster kafka, OperatorTokens tokens) {
        this.config = config;
        this.postgres = postgres;
        this.kafka = kafka;
        this.tokens = tokens;
        this.broker = new BrokerFaults(kafka, READY_TIMEOUT, this::relayPassesFailed);
        this.database = new PostgresFaults(postgres);
    }

    /** Wipes the data folder, then starts everything and waits until every service is ready. */
    public static Stack start(Config config) throws Exception {
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.runnerJar(config.root()))) {
                throw new IllegalStateException(service.runnerJar(config.root()) + " is missing; build the services"
                        + " first: mvn -DskipTests package (at the repository root)");
            }
        }
        wipe(config.dataDir());
        Path logDir = Files.createDirectories(config.dataDir().resolve("logs"));
        Ports free = new Ports();
        PostgresServer postgres = PostgresServer.builder(
                        config.dataDir().resolve("postgres"), free.free(), logDir.resolve("postgres.log"))
                .serverConfig("max_connections", "300")
                .build();
        // A child JVM from this module's class path, so that it can be stopped and started again.
        List<Integer> kafkaPorts = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int node = 0; node < Math.max(1, config.brokers()); node++) {
            kafkaPorts.add(free.free());
            controllerPorts.add(free.free());
        }
        KafkaCluster kafka = KafkaCluster.prepare(config.dataDir(), logDir, kafkaPorts, controllerPorts, node -> node
                // The small run lowers the consumers' session timeout below the broker's default minimum.
                .serverProperty("group.min.session.timeout.ms", "3000")
                .processSettings(PROCESSES));
        Stack stack = new Stack(
                config,
                postgres,
                kafka,
                OperatorTokens.createIn(config.dataDir().resolve("keys")));
        try {
            postgres.start();
            postgres.createDatabases(
                    Arrays.stream(Service.values()).map(Service::database).toList());
            kafka.start();
            kafka.awaitReady(READY_TIMEOUT);
            for (Service service : Service.values()) {
                List<Integer> instancePorts = new ArrayList<>();
                List<ChildProcess> instances = new ArrayList<>();
                for (int i = 0; i < Math.max(1, config.instances()); i++) {
                    instancePorts.add(free.free());
                }
                stack.ports.put(service, instancePorts);
                for (int i = 0; i < instancePorts.size(); i++) {
                    instances.add(stack.process(service, i, logDir));
                }
                stack.services.put(service, instances);
            }
            for (Service service : Service.values()) {
                for (ChildProcess instance : stack.services.get(service)) {
                    instance.start();
                }
            }
            for (Service service : Service.values()) {
                stack.awaitReady(service);
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private ChildProcess process(Service service, int instance, Path logDir) {
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.java(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // Names the data folder in the command line, so a person can tell these JVMs from others.
                "-Dpeering.fault-suite.data-dir=" + config.dataDir()));
        if (config.sessionTimeout() != null) {
            // A system property, not an environment variable: MP_MESSAGING_INCOMING_PEERING_EVENTS_... is
            // ambiguous, SmallRye reads it as a channel named "peering".
            for (String channel : service.channels()) {
                command.add("-Dmp.messaging.incoming." + channel + ".session.timeout.ms="
                        + config.sessionTimeout().toMillis());
            }
        }
        command.add("-jar");
        command.add(service.runnerJar(config.root()).toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service).get(instance)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (kafka.size() > 1) {
            env.put("PEERING_TOPICS_REPLICATION_FACTOR", String.valueOf(kafka.replicationFactor()));
            env.put("PEERING_TOPICS_MIN_INSYNC_REPLICAS", String.valueOf(KafkaCluster.minInsyncReplicas(kafka.size())));
        }
        String name = instanceName(service, instance);
        // ApplicationName names the instance in pg_stat_activity (ConnectionCensus counts by it).
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()) + "?ApplicationName=" + name);
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "file:" + OperatorTokens.publicKey(config.dataDir().resolve("keys")));
        env.putAll(config.serviceEnvironment());
        return new ChildProcess(name, command, env, logDir.resolve(name + ".log"), PROCESSES);
    }

    private static String instanceName(Service service, int instance) {
        return instance == 0 ? service.module() : service.module() + "-" + (instance + 1);
    }

    public String url(Service service) {
        return "http://localhost:" + ports.get(service).get(0);
    }

    /** The instance that serves the workflow numbered {@code workflow}: the workflows are spread over them. */
    public String url(Service service, int workflow) {
        List<Integer> instances = ports.get(service);
        return "http://localhost:" + instances.get(workflow % instances.size());
    }

    /** The module a URL of this stack goes to, for reports. */
    public String serviceAt(URI url) {
        for (Map.Entry<Service, List<Integer>> entry : ports.entrySet()) {
            int instance = entry.getValue().indexOf(url.getPort());
            if (instance >= 0) {
                return instanceName(entry.getKey(), instance);
            }
        }
        return url.getHost() + ":" + url.getPort();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** What the suite's own readers need to reach the broker: its address, and credentials when it has any. */
    public KafkaClientSettings kafkaClient() {
        return kafka.clientSettings();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public Supplier<String> authorization() {
        return tokens;
    }

    public ChildProcess process(Service service) {
        return services.get(service).get(0);
    }

    /** kill -9 of one service. */
    public void kill(Service service) throws InterruptedException {
        process(service).kill();
    }

    /** SIGTERM: the service drains what it is doing and stops. */
    public void stop(Service service) throws InterruptedException {
        process(service).stop(Duration.ofSeconds(30));
    }

    /**
     * Starts a service that was killed or stopped, and waits until it is ready. A service that exits while it
     * starts (PostgreSQL down: its migrations cannot run) is started again, as a supervisor would, until
     * {@link #READY_TIMEOUT}.
     */
    public void start(Service service) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        ChildProcess process = process(service);
        while (true) {
            process.start();
            Readiness.Outcome result =
                    readiness.await(url(service), process.process(), Duration.ofNanos(deadline - System.nanoTime()));
            if (result != Readiness.Outcome.EXITED || System.nanoTime() > deadline) {
                check(service, result);
                return;
            }
            System.out.println("[suite] " + service.module() + " exited while starting; starting it again");
        }
    }

    public void freeze(Service service) throws IOException, InterruptedException {
        process(service).freeze();
    }

    public void thaw(Service service) throws IOException, InterruptedException {
        process(service).thaw();
    }

    /** The faults of the Kafka broker (stopped, killed, frozen). */
    public BrokerFaults broker() {
        return broker;
    }

    /** The faults of PostgreSQL (crashed, postmaster killed). */
    public PostgresFaults database() {
        return database;
    }

    /**
     * How often the services' outbox relays logged a failed pass (a send that timed out or failed, rolled
     * back and retried on the next poll), over every run of each service in this data folder.
     */
    public long relayPassesFailed() throws IOException {
        long failed = 0;
        for (ChildProcess process : allInstances()) {
            if (Files.exists(process.log())) {
                try (Stream<String> lines = Files.lines(process.log(), java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    failed += lines.filter(line -> line.contains("outbox relay pass failed"))
                            .count();
                }
            }
        }
        return failed;
    }

    private void awaitReady(Service service) throws InterruptedException {
        List<ChildProcess> instances = services.get(service);
        for (int i = 0; i < instances.size(); i++) {
            ChildProcess process = instances.get(i);
            check(
                    process,
                    readiness.await("http://localhost:" + ports.get(service).get(i), process.process(), READY_TIMEOUT));
        }
    }

    private List<ChildProcess> allInstances() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    private void check(Service service, Readiness.Outcome result) {
        check(process(service), result);
    }

    private void check(ChildProcess process, Readiness.Outcome result) {
        switch (result) {
            case READY -> {}
            case EXITED -> throw new IllegalStateException(process.name() + " exited before it was ready. Last lines"
                    + " of " + process.log() + ":\n" + process.tail(30));
            default -> throw new IllegalStateException(
                    process.name() + " not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + process.log());
        }
    }

    /** Services first (SIGTERM, so they drain), then the broker, then PostgreSQL. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        stopAll();
    }

    private void closeQuietly() {
        try {
            stopAll();
        } catch (IOException | RuntimeException e) {
            System.err.println("[suite] stopping the stack: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void stopAll() throws InterruptedException, IOException {
        for (ChildProcess service : allInstances()) {
            if (service.isAlive()) {
                service.thaw();
            }
        }
        for (ChildProcess service : allInstances()) {
            service.stop(Duration.ofSeconds(30));
        }
        kafka.stop(BrokerFaults.stopGrace());
        postgres.stop();
    }

    private static void wipe(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!dataDir.getFileName().toString().startsWith("fault-run")) {
            throw new IllegalStateException(
                    "refusing to wipe " + dataDir + ": the suite's data folder is named fault-run*");
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
