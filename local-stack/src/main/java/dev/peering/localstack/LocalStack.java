package dev.peering.localstack;

import dev.peering.localinfra.KafkaBroker;
import dev.peering.localinfra.KafkaCluster;
import dev.peering.localinfra.PostgresServer;
import dev.peering.localinfra.ProcessSettings;
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
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the control plane on a developer's machine: PostgreSQL, Kafka, the four services, the
 * gateway in front of them and the console, each in its own process, with their data under one folder that survives
 * restarts.
 */
public final class LocalStack {

    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    private final StackOptions options;
    private final PidFile pidFile;
    private final Instant startedAt;
    private KafkaCluster kafka;
    private StackKafkaSecurity kafkaSecurity;
    private PostgresServer postgres;
    private RouteServerLab routeServerLab;
    private ServiceLauncher serviceLauncher;
    private boolean stopping;

    private LocalStack(StackOptions options, Instant startedAt) {
        this.options = options;
        this.pidFile = new PidFile(options.dataDir());
        this.startedAt = startedAt;
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
            if (Files.isRegularFile(service.runnerJar(options.root()))) {
                found.add(service);
            } else {
                sayMissing(service);
            }
        }
        return found;
    }

    private void sayMissing(ServiceSpec service) {
        System.out.println("Skipping " + service.module() + ": "
                + options.root().relativize(service.runnerJar(options.root()))
                + " is missing (build it with: mvn -DskipTests package)");
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
            serviceLauncher = new ServiceLauncher(
                    options, pidFile, processSettings(), kafka, kafkaSecurity, routeServerLab, this::printReady);
            started.putAll(serviceLauncher.launchServices(toStart));
            if (!options.infraOnly()) {
                ServiceInstance gatewayInstance = new ServiceInstance(ServiceSpec.GATEWAY, 1);
                if (gateway) {
                    started.put(
                            gatewayInstance,
                            serviceLauncher.launch(gatewayInstance, GatewayLaunch.environment(options)));
                } else {
                    sayMissing(ServiceSpec.GATEWAY);
                    notReady.add(ServiceSpec.GATEWAY.module() + " (no jar)");
                }
                ServiceInstance consoleInstance = new ServiceInstance(ServiceSpec.CONSOLE, 1);
                if (console) {
                    started.put(
                            consoleInstance,
                            serviceLauncher.launch(
                                    consoleInstance,
                                    ConsoleLaunch.environment(options, kafka.bootstrapServers(), kafkaSecurity)));
                } else {
                    sayMissing(ServiceSpec.CONSOLE);
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
        notReady.addAll(serviceLauncher.awaitReady(started));
        return notReady;
    }

    /** Every child in the repository root and in a session of its own, so that Ctrl-C reaches only us. */
    private ProcessSettings processSettings() {
        return ProcessSettings.defaults().withWorkDir(options.root()).withOwnSession(true);
    }

    /** Tells about a process that dies after the start; one that died before was told about already. */
    private void reportUnexpectedExits() {
        Map<String, Process> watched = new LinkedHashMap<>(serviceLauncher.launched());
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
        if (serviceLauncher != null) {
            serviceLauncher.classDataSharing().ifPresent(System.out::println);
        }
    }

    private void printReady(String name, String where) {
        System.out.printf(
                "  %-24s %-40s ready at %s s%n", name, where, seconds(Duration.between(startedAt, Instant.now())));
    }

    /** Shutdown hook: services first, so they never see Kafka or PostgreSQL vanish under them. */
    private void shutDown() {
        Map<String, Process> services;
        synchronized (this) {
            stopping = true;
            services = serviceLauncher == null ? Map.of() : serviceLauncher.launched();
        }
        System.out.println("Stopping the stack...");
        Processes.stopAll(services.values().stream().map(Process::toHandle).toList(), SERVICE_STOP_GRACE);
        if (serviceLauncher != null) {
            serviceLauncher.settleClassDataSharing();
        }
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
