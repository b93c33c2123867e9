package dev.peering.localstack;

import dev.peering.localinfra.ChildProcess;
import dev.peering.localinfra.KafkaBroker;
import dev.peering.localinfra.KafkaCluster;
import dev.peering.localinfra.PostgresServer;
import dev.peering.localinfra.ProcessSettings;
import dev.peering.localinfra.Readiness;
import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Runs the control plane on a developer's machine: PostgreSQL, Kafka, the four services, the
 * gateway in front of them and the console, each in its own process, with their data under one folder that survives
 * restarts.
 */
public final class LocalStack {

    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    private final StackOptions options;
    private final PidFile pidFile;
    private final Instant startedAt;
    private final Map<String, Process> services = new LinkedHashMap<>();
    private final ClassDataSharing classDataSharing;
    private final Map<String, String> classDataSharingModes = new LinkedHashMap<>();
    private KafkaCluster kafka;
    private StackKafkaSecurity kafkaSecurity;
    private PostgresServer postgres;
    private RouteServerLab routeServerLab;
    private boolean stopping;

    private LocalStack(StackOptions options, Instant startedAt) {
        this.options = options;
        this.pidFile = new PidFile(options.dataDir());
        this.startedAt = startedAt;
        this.classDataSharing = new ClassDataSharing(options.classDataSharing());
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            StackOptions options = StackOptions.parse(args, System.getenv());
            exitCode = switch (options.command()) {
                case "stop" -> StackControl.stop(options);
                case "status" -> StackControl.status(options);
                case "token" -> TokenCommand.run(options.dataDir(), options.rest());
                case "keys" -> TokenCommand.keys(options.keyDir());
                case "manifests" -> KubernetesManifests.write(options.root());
                case "help" -> {
                    System.out.print(StackOptions.USAGE);
                    yield 0;
                }
                default -> new LocalStack(options, startedAt()).up();};
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(StackOptions.USAGE);
            exitCode = 2;
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** {@code ./stack} passes the time it was called, so the time printed covers the build check too. */
    private static Instant startedAt() {
        String fromScript = System.getenv("STACK_STARTED_AT_MS");
        if (fromScript != null && fromScript.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(fromScript));
        }
        return ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    }

    private int up() {
        try {
            if (!clearPreviousRun()) {
                return 1;
            }
            if (options.wipe()) {
                StackControl.wipe(options.dataDir(), options.root());
            }
            Files.createDirectories(options.logDir());
            try (Stream<Path> logs = Files.list(options.logDir())) {
                for (Path log :
                        logs.filter(path -> path.toString().endsWith(".log")).toList()) {
                    Files.delete(log);
                }
            }
            List<ServiceSpec> toStart = options.infraOnly() ? List.of() : servicesWithJar();
            boolean gateway = !options.infraOnly() && GatewayLaunch.built(options);
            boolean console = !options.infraOnly() && ConsoleLaunch.built(options);
            checkPortsFree(Stream.of(
                            toStart.stream(),
                            gateway ? Stream.of(ServiceSpec.GATEWAY) : Stream.<ServiceSpec>empty(),
                            console ? Stream.of(ServiceSpec.CONSOLE) : Stream.<ServiceSpec>empty())
                    .flatMap(s -> s)
                    .toList());
            Path libDir = libDir();

            Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "local-stack-shutdown"));
            pidFile.add(
                    PidFile.LAUNCHER,
                    ProcessHandle.current().pid(),
                    options.dataDir().toString());
            System.out.println("Data folder " + options.dataDir() + ", logs in " + options.logDir());
            // The stack's own signing key, made on first start; ./stack token mints tokens with it.
            Tokens.keyPairIn(options.keyDir());

            if (options.birdRouteServer() && !options.infraOnly()) {
                routeServerLab = RouteServerLab.start(Tokens.keyPairIn(options.keyDir()));
                printReady("Route server (BIRD)", routeServerLab.describe());
            }
            startKafka(libDir);
            startPostgres();
            kafka.awaitReady(KAFKA_READY_TIMEOUT);
            printReady(
                    kafka.size() == 1 ? "Kafka" : "Kafka (" + kafka.size() + " nodes)",
                    kafka.bootstrapServers()
                            + (kafka.size() == 1
                                    ? ""
                                    : ", replication factor " + kafka.replicationFactor() + ", min.insync.replicas "
                                            + KafkaCluster.minInsyncReplicas(kafka.size())));
            if (kafkaSecurity != null) {
                kafkaSecurity.grant(kafka);
            }

            List<String> notReady = startServices(toStart, gateway, console);
            printClassDataSharing();
            String elapsed = seconds(Duration.between(startedAt, Instant.now()));
            if (notReady.isEmpty()) {
                if (console) {
                    System.out.println("Console: http://localhost:" + options.port(ServiceSpec.CONSOLE.module())
                            + " (sign in with a token from ./stack token, or its demo-token button)");
                }
                System.out.println("All ready in " + elapsed + " s. Ctrl-C (or ./stack down) stops the stack.");
            } else {
                System.out.println("Ready in " + elapsed + " s, except " + String.join(", ", notReady)
                        + ". Ctrl-C (or ./stack down) stops the stack.");
            }
            reportUnexpectedExits();
            new CountDownLatch(1).await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            System.err.println("The stack did not start: " + e + System.lineSeparator() + "Logs: " + options.logDir());
            return 1;
        }
    }

    /**
     * Refuses to start beside a running stack, and stops what a launcher killed with SIGKILL left
     * behind (PostgreSQL and Kafka would otherwise hold the ports and the data folder).
     */
    private boolean clearPreviousRun() {
        List<PidFile.Entry> entries = pidFile.read();
        Optional<PidFile.Entry> launcher = entries.stream()
                .filter(entry -> entry.name().equals(PidFile.LAUNCHER))
                .filter(entry -> entry.liveProcess(options.dataDir()).isPresent())
                .findFirst();
        if (launcher.isPresent()) {
            System.err.println("A stack is already running from " + options.dataDir() + " (launcher pid "
                    + launcher.get().pid() + "). Stop it first: ./stack down");
            return false;
        }
        if (!entries.isEmpty()) {
            StackControl.stopInOrder(entries, options.dataDir(), "Stopping what a previous run left running: ");
            pidFile.delete();
        }
        return true;
    }

    private List<ServiceSpec> servicesWithJar() {
        List<ServiceSpec> found = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            Path jar = service.runnerJar(options.root());
            if (Files.isRegularFile(jar)) {
                found.add(service);
            } else {
                System.out.println("Skipping " + service.module() + ": "
                        + options.root().relativize(jar) + " is missing (build it with: mvn -DskipTests package)");
            }
        }
        return found;
    }

    private void checkPortsFree(List<ServiceSpec> toStart) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put(StackOptions.POSTGRES, options.port(StackOptions.POSTGRES));
        for (int node = 1; node <= options.kafkaBrokers(); node++) {
            String suffix = node == 1 ? "" : " node " + node;
            wanted.put(StackOptions.KAFKA + suffix, options.kafkaPort(node));
            wanted.put(StackOptions.KAFKA_CONTROLLER + suffix, options.kafkaControllerPort(node));
        }
        toStart.forEach(service -> ServiceInstance.of(service, service == ServiceSpec.GATEWAY ? 1 : options.instances())
                .forEach(instance -> wanted.put(instance.name(), instance.port(options))));
        List<String> taken = new ArrayList<>();
        wanted.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(false);
            } catch (IOException e) {
                taken.add(name + " (" + port + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", taken)
                    + ". Stop what holds them or pick others with --NAME-port (see --help).");
        }
    }

    private static Path libDir() throws URISyntaxException {
        Path location = Path.of(LocalStack.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path libDir = location.getParent().resolve("lib");
        try (Stream<Path> jars = Files.list(libDir)) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new IllegalStateException("no Kafka jar in " + libDir);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    libDir + " is missing: build the launcher with mvn -pl local-stack -am -DskipTests package", e);
        }
        return libDir;
    }

    private void startKafka(Path libDir) throws IOException, InterruptedException {
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            if (options.kafkaSecured()) {
                kafkaSecurity = StackKafkaSecurity.prepare(options);
            }
            List<Integer> ports = new ArrayList<>();
            List<Integer> controllerPorts = new ArrayList<>();
            for (int node = 1; node <= options.kafkaBrokers(); node++) {
                ports.add(options.kafkaPort(node));
                controllerPorts.add(options.kafkaControllerPort(node));
            }
            kafka = KafkaCluster.prepare(options.dataDir(), options.logDir(), ports, controllerPorts, node -> {
                node.javaOptions(options.kafkaJavaOptions())
                        .classPath(libDir.resolve("*").toString())
                        .processSettings(processSettings());
                if (kafkaSecurity != null) {
                    node.security(kafkaSecurity.security());
                }
                return node;
            });
            kafka.start();
            for (int node = 1; node <= kafka.size(); node++) {
                KafkaBroker broker = kafka.nodes().get(node - 1);
                pidFile.add(
                        node == 1 ? StackOptions.KAFKA : StackOptions.KAFKA + "-" + node,
                        broker.process().pid(),
                        broker.bootstrapServers());
            }
        }
    }

    /** Holds the lock while PostgreSQL starts, so that Ctrl-C meanwhile still stops it once up. */
    private synchronized void startPostgres() throws Exception {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
        int port = options.port(StackOptions.POSTGRES);
        postgres = PostgresServer.builder(
                        options.dataDir().resolve("postgres"),
                        port,
                        options.logDir().resolve("postgres.log"))
                .start();
        pidFile.add(StackOptions.POSTGRES, postgres.pid(), "localhost:" + port);
        List<String> created = postgres.createDatabases(ServiceSpec.databases());
        printReady(
                "PostgreSQL",
                "jdbc:postgresql://localhost:" + port + "/{" + String.join(",", ServiceSpec.databases()) + "} user "
                        + PostgresServer.USER + "/" + PostgresServer.PASSWORD
                        + (created.isEmpty() ? "" : ", created " + String.join(", ", created)));
    }

    /**
     * Starts the services and the gateway (when {@code gateway} is built) at once and waits for each to be
     * ready; returns those that are not. The gateway starts with them rather than after them: it answers 503
     * with Retry-After for a service not ready yet, and "All ready" is printed only once every one is.
     */
    private List<String> startServices(List<ServiceSpec> toStart, boolean gateway, boolean console) throws IOException {
        Map<ServiceInstance, Process> started = new LinkedHashMap<>();
        List<String> notReady = new ArrayList<>();
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            for (ServiceSpec service : toStart) {
                for (ServiceInstance instance : ServiceInstance.of(service, options.instances())) {
                    Map<String, String> environment = serviceEnvironment(service);
                    environment.put("QUARKUS_HTTP_PORT", String.valueOf(instance.port(options)));
                    started.put(instance, launch(instance, environment));
                }
            }
            if (!options.infraOnly()) {
                if (gateway) {
                    started.put(
                            new ServiceInstance(ServiceSpec.GATEWAY, 1),
                            launch(new ServiceInstance(ServiceSpec.GATEWAY, 1), GatewayLaunch.environment(options)));
                } else {
                    System.out.println("Skipping gateway: "
                            + options.root().relativize(ServiceSpec.GATEWAY.runnerJar(options.root()))
                            + " is missing (build it with: mvn -DskipTests package)");
                    notReady.add(ServiceSpec.GATEWAY.module() + " (no jar)");
                }
                if (console) {
                    started.put(
                            new ServiceInstance(ServiceSpec.CONSOLE, 1),
                            launch(
                                    new ServiceInstance(ServiceSpec.CONSOLE, 1),
                                    ConsoleLaunch.environment(options, kafka.bootstrapServers(), kafkaSecurity)));
                } else {
                    System.out.println("Skipping console: "
                            + options.root().relativize(ServiceSpec.CONSOLE.runnerJar(options.root()))
                            + " is missing (build it with: mvn -DskipTests package)");
                    notReady.add(ServiceSpec.CONSOLE.module() + " (no jar)");
                }
            }
        }
        if (options.infraOnly()) {
            return notReady;
        }
        ServiceSpec.ALL.stream()
                .filter(service -> !started.containsKey(new ServiceInstance(service, 1)))
                .forEach(service -> notReady.add(service.module() + " (no jar)"));
        Readiness readiness = new Readiness();
        // A thread per process: the common pool has a single thread on a two-core machine.
        ExecutorService pollers = Executors.newFixedThreadPool(Math.max(1, started.size()));
        try {
            List<CompletableFuture<Optional<String>>> waits = started.entrySet().stream()
                    .map(entry -> CompletableFuture.supplyAsync(
                            () -> awaitReady(readiness, entry.getKey(), entry.getValue()), pollers))
                    .toList();
            waits.forEach(wait -> wait.join().ifPresent(notReady::add));
        } finally {
            pollers.shutdown();
        }
        return notReady;
    }

    /** Starts one service's process, logging to its file, and records it; the caller holds the lock. */
    private Process launch(ServiceInstance instance, Map<String, String> environment) throws IOException {
        ClassDataSharing.Launch sharing =
                classDataSharing.prepare(instance.spec().runnerJar(options.root()));
        classDataSharingModes.put(instance.name(), sharing.mode());
        Process process = new ChildProcess(
                        instance.name(),
                        serviceCommand(instance.spec(), sharing.javaOptions()),
                        environment,
                        options.logDir().resolve(instance.name() + ".log"),
                        processSettings())
                .start();
        classDataSharing.started(sharing, process);
        services.put(instance.name(), process);
        pidFile.add(instance.name(), process.pid(), instance.url(options));
        return process;
    }

    private List<String> serviceCommand(ServiceSpec service, List<String> classDataSharingOptions) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(options.serviceJavaOptions());
        command.addAll(classDataSharingOptions);
        // Names the data folder in the command line, which is how stop recognises its processes.
        command.add("-Dpeering.stack.data-dir=" + options.dataDir());
        command.add("-jar");
        command.add(service.runnerJar(options.root()).toString());
        return command;
    }

    private Map<String, String> serviceEnvironment(ServiceSpec service) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (kafkaSecurity != null) {
            // the service's own principal: KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_JAAS_CONFIG, KAFKA_SSL_TRUSTSTORE_*
            environment.putAll(kafkaSecurity.environment(service, kafka.bootstrapServers()));
        }
        if (kafka.size() > 1) {
            // what the services' topic creators ask for on a cluster (a single broker: their defaults, 1)
            environment.put("PEERING_TOPICS_REPLICATION_FACTOR", String.valueOf(kafka.replicationFactor()));
            environment.put(
                    "PEERING_TOPICS_MIN_INSYNC_REPLICAS", String.valueOf(KafkaCluster.minInsyncReplicas(kafka.size())));
        }
        if (routeServerLab != null && service.module().equals("connection-service")) {
            environment.putAll(routeServerLab.environment(options.port("peering-service")));
        }
        if (routeServerLab != null && service.module().equals("registration-service")) {
            // the origin-ASN check reads the routes the route server received (ADR 0020)
            environment.putAll(routeServerLab.routeReaderEnvironment(options.port("connection-service")));
        }
        environment.putAll(Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                options.keyDir().resolve(Tokens.PUBLIC_KEY_FILE).toUri().toString(),
                "QUARKUS_PROFILE",
                "local",
                "QUARKUS_HTTP_PORT",
                String.valueOf(options.port(service.module())),
                "KAFKA_BOOTSTRAP_SERVERS",
                kafka.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://localhost:" + options.port(StackOptions.POSTGRES) + "/" + service.database(),
                "QUARKUS_DATASOURCE_USERNAME",
                PostgresServer.USER,
                "QUARKUS_DATASOURCE_PASSWORD",
                PostgresServer.PASSWORD));
        return environment;
    }

    /** Every child in the repository root and in a session of its own, so that Ctrl-C reaches only us. */
    private ProcessSettings processSettings() {
        return ProcessSettings.defaults().withWorkDir(options.root()).withOwnSession(true);
    }

    /** Waits until the service is ready; returns why not, if it never is. */
    private Optional<String> awaitReady(Readiness readiness, ServiceInstance instance, Process process) {
        Path log = options.logDir().resolve(instance.name() + ".log");
        String name = instance.name();
        try {
            switch (readiness.await(instance.url(options), process, SERVICE_READY_TIMEOUT)) {
                case READY -> {
                    printReady(name, instance.url(options));
                    return Optional.empty();
                }
                case EXITED -> {
                    System.out.println(name + " exited with code " + process.exitValue()
                            + " before it was ready. Last lines of " + log + ":\n" + ChildProcess.tail(log, 15));
                    return Optional.of(name + " (exited)");
                }
                default -> {
                    System.out.println(
                            name + " not ready after " + SERVICE_READY_TIMEOUT.toSeconds() + " s; see " + log);
                    return Optional.of(name + " (not ready)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(name + " (interrupted)");
        }
    }

    /** Tells about a process that dies after the start; one that died before was told about already. */
    private void reportUnexpectedExits() {
        Map<String, Process> watched = new LinkedHashMap<>(services);
        for (int node = 1; node <= kafka.size(); node++) {
            watched.put(
                    node == 1 ? "Kafka" : "Kafka node " + node,
                    kafka.nodes().get(node - 1).process().process());
        }
        watched.values().removeIf(process -> !process.isAlive());
        watched.forEach((name, process) -> process.onExit().thenAccept(exited -> {
            synchronized (this) {
                if (!stopping) {
                    System.out.println(name + " exited with code " + exited.exitValue() + "; see " + options.logDir());
                }
            }
        }));
    }

    /** Which services started from a class data sharing archive and which record one at stop. */
    private void printClassDataSharing() {
        Map<String, List<String>> byMode = new LinkedHashMap<>();
        classDataSharingModes.forEach((name, mode) ->
                byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(name));
        if (!byMode.isEmpty() && !byMode.containsKey("off")) {
            List<String> parts = new ArrayList<>();
            byMode.forEach((mode, names) -> parts.add(String.join(", ", names) + " " + mode.replace("its", "their")));
            System.out.println("Class data sharing (STACK_CLASS_DATA_SHARING): " + String.join("; ", parts));
        }
    }

    private void printReady(String name, String where) {
        System.out.printf(
                "  %-24s %-40s ready at %s s%n", name, where, seconds(Duration.between(startedAt, Instant.now())));
    }

    /** Shutdown hook: services first, so they never see Kafka or PostgreSQL vanish under them. */
    private void shutDown() {
        synchronized (this) {
            stopping = true;
        }
        System.out.println("Stopping the stack...");
        Processes.stopAll(services.values().stream().map(Process::toHandle).toList(), SERVICE_STOP_GRACE);
        classDataSharing.settle();
        if (kafka != null) {
            Processes.stopAll(
                    kafka.nodes().stream()
                            .map(node -> node.process().process().toHandle())
                            .toList(),
                    StackControl.KAFKA_STOP_GRACE);
        }
        if (routeServerLab != null) {
            routeServerLab.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Stopping PostgreSQL failed: " + e.getMessage());
            }
        }
        pidFile.delete();
        System.out.println("Stopped.");
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
