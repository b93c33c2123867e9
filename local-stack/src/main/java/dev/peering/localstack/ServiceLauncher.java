package dev.peering.localstack;

import dev.peering.localinfra.ChildProcess;
import dev.peering.localinfra.KafkaCluster;
import dev.peering.localinfra.PostgresServer;
import dev.peering.localinfra.ProcessSettings;
import dev.peering.localinfra.Readiness;
import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * How one process of the stack (a service, the gateway, the console) is built, started and watched: its
 * command line and a service's environment, pointed at the Kafka, PostgreSQL and route server that
 * {@link LocalStack} brought up; its start with its own log file and its line in the pid file; the wait until
 * it is ready. {@link LocalStack} decides what starts, when, and what stops.
 */
final class ServiceLauncher {

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(180);

    private final StackOptions options;
    private final PidFile pidFile;
    private final ProcessSettings processSettings;
    private final KafkaCluster kafka;
    private final StackKafkaSecurity kafkaSecurity;
    private final RouteServerLab routeServerLab;
    private final BiConsumer<String, String> printReady;
    private final Map<String, Process> launched = new LinkedHashMap<>();
    private final ClassDataSharing classDataSharing;
    private final Map<String, String> classDataSharingModes = new LinkedHashMap<>();

    /**
     * @param kafkaSecurity null on a broker without authentication
     * @param routeServerLab null without the BIRD route server
     * @param printReady prints that a process (its name) is ready (where it answers)
     */
    ServiceLauncher(
            StackOptions options,
            PidFile pidFile,
            ProcessSettings processSettings,
            KafkaCluster kafka,
            StackKafkaSecurity kafkaSecurity,
            RouteServerLab routeServerLab,
            BiConsumer<String, String> printReady) {
        this.options = options;
        this.pidFile = pidFile;
        this.processSettings = processSettings;
        this.kafka = kafka;
        this.kafkaSecurity = kafkaSecurity;
        this.routeServerLab = routeServerLab;
        this.printReady = printReady;
        this.classDataSharing = new ClassDataSharing(options.classDataSharing());
    }

    /** Which processes started from a class data sharing archive and which record one at stop; empty when off. */
    Optional<String> classDataSharing() {
        Map<String, List<String>> byMode = new LinkedHashMap<>();
        classDataSharingModes.forEach((name, mode) ->
                byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(name));
        if (byMode.isEmpty() || byMode.containsKey("off")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        byMode.forEach((mode, names) -> parts.add(String.join(", ", names) + " " + mode.replace("its", "their")));
        return Optional.of("Class data sharing (STACK_CLASS_DATA_SHARING): " + String.join("; ", parts));
    }

    /** After the processes stopped: a recording of one that ended gracefully becomes its build's archive. */
    void settleClassDataSharing() {
        classDataSharing.settle();
    }

    /** Every process launched so far, by instance name, in the order they started. */
    Map<String, Process> launched() {
        return launched;
    }

    /** Starts each instance of each service of {@code toStart}; the caller holds the stack's lock. */
    Map<ServiceInstance, Process> launchServices(List<ServiceSpec> toStart) throws IOException {
        Map<ServiceInstance, Process> started = new LinkedHashMap<>();
        for (ServiceSpec service : toStart) {
            for (ServiceInstance instance : ServiceInstance.of(service, options.instances())) {
                started.put(instance, launch(instance, serviceEnvironment(instance)));
            }
        }
        return started;
    }

    /** Starts one process, logging to its file, and records it; the caller holds the stack's lock. */
    Process launch(ServiceInstance instance, Map<String, String> environment) throws IOException {
        ClassDataSharing.Launch sharing =
                classDataSharing.prepare(instance.spec().runnerJar(options.root()));
        classDataSharingModes.put(instance.name(), sharing.mode());
        Process process = new ChildProcess(
                        instance.name(),
                        serviceCommand(instance.spec(), sharing.javaOptions()),
                        environment,
                        options.logDir().resolve(instance.name() + ".log"),
                        processSettings)
                .start();
        classDataSharing.started(sharing, process);
        launched.put(instance.name(), process);
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

    /** A service instance's environment: its database, Kafka, the stack's key, its port, the route server's. */
    private Map<String, String> serviceEnvironment(ServiceInstance instance) {
        ServiceSpec service = instance.spec();
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
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(instance.port(options)));
        return environment;
    }

    /** Waits for every process in {@code started} at once; returns why those that never got ready did not. */
    List<String> awaitReady(Map<ServiceInstance, Process> started) {
        List<String> notReady = new ArrayList<>();
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

    /** Waits until the service is ready; returns why not, if it never is. */
    private Optional<String> awaitReady(Readiness readiness, ServiceInstance instance, Process process) {
        Path log = options.logDir().resolve(instance.name() + ".log");
        String name = instance.name();
        try {
            switch (readiness.await(instance.url(options), process, SERVICE_READY_TIMEOUT)) {
                case READY -> {
                    printReady.accept(name, instance.url(options));
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
}
