package dev.peering.faultsuite.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in a child JVM (the same configuration as the local stack's), so that the
 * suite can stop and restart it on the same log folder while the services keep running.
 */
public final class KafkaServer {

    private final int port;
    private final ChildProcess process;

    private KafkaServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    static KafkaServer create(Path dataDir, Path logDir, int port, int controllerPort)
            throws IOException, InterruptedException {
        Path configDir = Files.createDirectories(dataDir.resolve("config"));
        Path serverProperties = configDir.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties(dataDir.resolve("kafka"), port, controllerPort));
        Path log4j = configDir.resolve("kafka-log4j2.properties");
        try (InputStream in = KafkaServer.class.getResourceAsStream("/kafka-log4j2.properties")) {
            Files.copy(in, log4j, StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = logDir.resolve("kafka.log");
        ChildProcess format = new ChildProcess(
                "kafka-format",
                command(
                        log4j,
                        "kafka.tools.StorageTool",
                        "format",
                        "--ignore-formatted",
                        "--cluster-id",
                        Uuid.randomUuid().toString(),
                        "--config",
                        serverProperties.toString()),
                Map.of(),
                log);
        format.start();
        if (!format.awaitSuccess(Duration.ofMinutes(2))) {
            throw new IllegalStateException("Formatting the Kafka log folder failed:\n" + format.tail(20));
        }
        return new KafkaServer(
                port,
                new ChildProcess("kafka", command(log4j, "kafka.Kafka", serverProperties.toString()), Map.of(), log));
    }

    private static String serverProperties(Path logDirs, int port, int controllerPort) {
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
                // The small run lowers the consumers' session timeout below the broker's default minimum.
                "group.min.session.timeout.ms=3000",
                "");
    }

    /** The JVM of this suite already holds the broker's jars; surefire names its class path separately. */
    private static List<String> command(Path log4j, String... mainAndArgs) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.java(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j,
                "-Dlog4j2.shutdownHookEnabled=false",
                "-cp",
                classPath));
        command.addAll(List.of(mainAndArgs));
        return command;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    void start(Duration readyWithin) throws IOException, InterruptedException {
        process.start();
        awaitReady(readyWithin);
    }

    void stop() throws InterruptedException {
        process.stop(Duration.ofSeconds(60));
    }

    /** Waits until the broker is in the cluster metadata, which it is once it accepts requests. */
    private void awaitReady(Duration timeout) throws InterruptedException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited. Last lines of its log:\n" + process.tail(20));
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka did not answer within " + timeout.toSeconds() + " s; see " + process.log());
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }
}
