package dev.peering.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/** A single-node Kafka broker in KRaft mode, run as its own JVM from the jars in {@code target/lib}. */
final class KafkaBroker {

    private final Process process;
    private final Path log;
    private final int port;

    private KafkaBroker(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Writes the configuration, formats the log folder on first use and starts the broker. */
    static KafkaBroker start(StackOptions options, Path libDir) throws IOException, InterruptedException {
        Path configDir = Files.createDirectories(options.dataDir().resolve("config"));
        Path logDirs = options.dataDir().resolve("kafka");
        Path serverProperties = configDir.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties(options, logDirs));
        Path log4jConfig = configDir.resolve("kafka-log4j2.properties");
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-log4j2.properties")) {
            Files.copy(in, log4jConfig, StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = options.logDir().resolve("kafka.log");
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(options, libDir, log4jConfig, serverProperties, log);
        }
        Process process = Processes.start(
                command(options, libDir, log4jConfig, "kafka.Kafka", serverProperties.toString()),
                Map.of(),
                options.root(),
                log);
        return new KafkaBroker(process, log, options.port(StackOptions.KAFKA));
    }

    /**
     * The controller quorum is a static voter list rather than a dynamic quorum: the voter's
     * address is then read from this file at each start, so a changed controller port keeps working
     * on an existing data folder.
     */
    private static String serverProperties(StackOptions options, Path logDirs) {
        int port = options.port(StackOptions.KAFKA);
        int controllerPort = options.port(StackOptions.KAFKA_CONTROLLER);
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs,
                // The services create their topics themselves, as they must in production.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static void format(StackOptions options, Path libDir, Path log4jConfig, Path serverProperties, Path log)
            throws IOException, InterruptedException {
        Process format = Processes.start(
                command(
                        options,
                        libDir,
                        log4jConfig,
                        "kafka.tools.StorageTool",
                        "format",
                        "--ignore-formatted",
                        "--cluster-id",
                        Uuid.randomUuid().toString(),
                        "--config",
                        serverProperties.toString()),
                Map.of(),
                options.root(),
                log);
        if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("Formatting the Kafka log folder failed:\n" + Processes.tail(log, 20));
        }
    }

    private static List<String> command(StackOptions options, Path libDir, Path log4jConfig, String... mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.addAll(options.kafkaJavaOptions());
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        // Otherwise log4j closes its appenders in a hook of its own while Kafka still logs its shutdown.
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.add("-cp");
        command.add(libDir.resolve("*").toString());
        command.addAll(List.of(mainAndArgs));
        return command;
    }

    /** Waits until the broker is in the cluster metadata, which it is once it accepts requests. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue() + ". Last lines of "
                            + log + ":\n" + Processes.tail(log, 20));
                }
                if (hasNodes(admin)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka did not answer within " + timeout.toSeconds() + " s; see " + log);
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static boolean hasNodes(Admin admin) throws InterruptedException {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS);
            return !nodes.isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    Process process() {
        return process;
    }
}
