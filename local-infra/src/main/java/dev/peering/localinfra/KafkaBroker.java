package dev.peering.localinfra;

import dev.peering.core.KafkaClientSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode, run as its own JVM so that it can be stopped and started
 * again on the same log folder. Under the data folder it keeps {@code config/server.properties},
 * {@code config/kafka-log4j2.properties} and its log folder {@code kafka/}. The child JVM's class path
 * must hold {@code org.apache.kafka:kafka_2.13} (and a log4j2 binding for its log).
 */
public final class KafkaBroker {

    /*
     * The C1 compiler alone halves the CPU a JVM spends starting, which is what a two-core laptop waits
     * on; peak throughput does not matter here.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);

    private final int port;
    private final ChildProcess process;
    private final KafkaSecurity security;

    private KafkaBroker(int port, ChildProcess process, KafkaSecurity security) {
        this.port = port;
        this.process = process;
        this.security = security;
    }

    /**
     * A broker whose configuration and log folder live under {@code dataDir}, whose output goes to the end
     * of {@code log}, listening on {@code port} with its controller on {@code controllerPort}.
     */
    public static Builder builder(Path dataDir, Path log, int port, int controllerPort) {
        return new Builder(dataDir, log, port, controllerPort);
    }

    /**
     * The class path of this JVM, to run the broker from the jars that this JVM holds already; under
     * surefire, whose own class path is only its booter jar, the test class path.
     */
    public static String classPathOfThisJvm() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * What a client needs to reach this broker with every right: the address alone on a plaintext broker,
     * the {@link KafkaSecurity#ADMIN} principal's settings on a secured one.
     */
    public KafkaClientSettings clientSettings() {
        return security == null
                ? KafkaClientSettings.of(Map.of(KafkaClientSettings.BOOTSTRAP_SERVERS, bootstrapServers()))
                : security.clientSettings(KafkaSecurity.ADMIN, bootstrapServers());
    }

    /** The credentials and certificates of a secured broker; empty for a plaintext one. */
    public Optional<KafkaSecurity> security() {
        return Optional.ofNullable(security);
    }

    /** The broker's process, to watch it, stop it, kill it or freeze it. */
    public ChildProcess process() {
        return process;
    }

    /** Starts the broker's JVM; {@link #awaitReady} tells when it accepts requests. */
    public Process start() throws IOException {
        return process.start();
    }

    /** SIGTERM, so that the broker closes its logs cleanly; SIGKILL after {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        process.stop(grace);
    }

    /** Waits until the broker is in the cluster metadata, which it is once it accepts requests. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        ClusterMembership.await(clientSettings(), List.of(process), timeout);
    }

    /** What a caller may change; everything else of the broker's configuration is fixed. */
    public static final class Builder {

        private final Path dataDir;
        private final Path log;
        private final int port;
        private final int controllerPort;
        private List<String> javaOptions = DEFAULT_JAVA_OPTIONS;
        private String classPath = classPathOfThisJvm();
        private ProcessSettings settings = ProcessSettings.defaults();
        private final Map<String, String> extraProperties = new LinkedHashMap<>();
        private KafkaSecurity security;
        private int nodeId = 1;
        private String quorumVoters;
        private String clusterId;
        private int replicationFactor = 1;
        private int minInsyncReplicas = 1;

        private Builder(Path dataDir, Path log, int port, int controllerPort) {
            this.dataDir = dataDir;
            this.log = log;
            this.port = port;
            this.controllerPort = controllerPort;
        }

        /** The broker JVM's options (heap, JIT); {@link #DEFAULT_JAVA_OPTIONS} unless set. */
        public Builder javaOptions(List<String> options) {
            this.javaOptions = List.copyOf(options);
            return this;
        }

        /** The broker JVM's class path; {@link #classPathOfThisJvm()} unless set. */
        public Builder classPath(String path) {
            this.classPath = path;
            return this;
        }

        public Builder processSettings(ProcessSettings processSettings) {
            this.settings = processSettings;
            return this;
        }

        /**
         * A SASL_SSL listener instead of the plaintext one, with the certificates, credentials and
         * authorizer of {@code security}; its principals' SCRAM credentials are stored when the log folder
         * is formatted.
         */
        public Builder security(KafkaSecurity kafkaSecurity) {
            this.security = kafkaSecurity;
            return this;
        }

        /**
         * Node {@code id} of a cluster whose controllers are {@code voters} ({@code id@host:port,...}), all
         * formatted with {@code cluster}; a single node of its own unless set (node 1, a new cluster id).
         */
        public Builder node(int id, String voters, String cluster) {
            this.nodeId = id;
            this.quorumVoters = voters;
            this.clusterId = cluster;
            return this;
        }

        /**
         * The replication factor of every topic the cluster creates by default and of its internal topics
         * (consumer offsets, transactions), and the replicas a write with {@code acks=all} needs; 1 and 1
         * unless set.
         */
        public Builder replication(int factor, int minInsync) {
            this.replicationFactor = factor;
            this.minInsyncReplicas = minInsync;
            return this;
        }

        /** A line added at the end of {@code server.properties}. */
        public Builder serverProperty(String name, String value) {
            extraProperties.put(name, value);
            return this;
        }

        /**
         * Writes the configuration, formats the log folder when it holds no cluster yet and returns the
         * broker, not started.
         */
        public KafkaBroker prepare() throws IOException, InterruptedException {
            Path configDir = Files.createDirectories(dataDir.resolve("config"));
            Path logDirs = dataDir.resolve("kafka");
            Path serverProperties = configDir.resolve("server.properties");
            Files.writeString(serverProperties, serverProperties(logDirs));
            Path log4jConfig = configDir.resolve("kafka-log4j2.properties");
            try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-log4j2.properties")) {
                Files.copy(in, log4jConfig, StandardCopyOption.REPLACE_EXISTING);
            }
            Path meta = logDirs.resolve("meta.properties");
            boolean formatted = Files.exists(meta);
            if (formatted && security != null && !security.formattedWith(clusterId(meta))) {
                throw new IllegalStateException("the Kafka log folder " + logDirs
                        + " was formatted for a plaintext broker and holds no SASL credentials: start on a fresh"
                        + " data folder (--wipe) to secure it");
            }
            if (!formatted) {
                String clusterId = this.clusterId != null
                        ? this.clusterId
                        : Uuid.randomUuid().toString();
                List<String> format = new ArrayList<>(List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "--ignore-formatted",
                        "--cluster-id",
                        clusterId,
                        "--config",
                        serverProperties.toString()));
                if (security != null) {
                    format.addAll(security.formatArguments());
                }
                ChildProcess formatter = new ChildProcess(
                        "kafka-format", command(log4jConfig, format.toArray(String[]::new)), Map.of(), log, settings);
                formatter.start();
                if (!formatter.awaitSuccess(FORMAT_TIMEOUT)) {
                    throw new IllegalStateException("Formatting the Kafka log folder failed:\n" + formatter.tail(20));
                }
                if (security != null) {
                    security.formatted(clusterId);
                }
            }
            return new KafkaBroker(
                    port,
                    new ChildProcess(
                            "kafka",
                            command(log4jConfig, "kafka.Kafka", serverProperties.toString()),
                            Map.of(),
                            log,
                            settings),
                    security);
        }

        private static String clusterId(Path meta) throws IOException {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(meta)) {
                properties.load(reader);
            }
            return properties.getProperty("cluster.id", "");
        }

        /**
         * The controller quorum is a static voter list rather than a dynamic quorum: the voter's address
         * is then read from this file at each start, so a changed controller port keeps working on an
         * existing data folder.
         */
        private String serverProperties(Path logDirs) {
            List<String> lines = new ArrayList<>(List.of(
                    "process.roles=broker,controller",
                    "node.id=" + nodeId,
                    "controller.quorum.voters="
                            + (quorumVoters != null ? quorumVoters : nodeId + "@localhost:" + controllerPort)));
            lines.addAll(
                    security != null
                            ? security.brokerProperties(port, controllerPort)
                            : List.of(
                                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:"
                                            + controllerPort,
                                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                                    "controller.listener.names=CONTROLLER",
                                    "inter.broker.listener.name=PLAINTEXT",
                                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));
            lines.addAll(List.of(
                    "log.dirs=" + logDirs,
                    // The services create their topics themselves, as they must in production.
                    "auto.create.topics.enable=false",
                    "num.partitions=1",
                    "default.replication.factor=" + replicationFactor,
                    "min.insync.replicas=" + minInsyncReplicas,
                    "offsets.topic.replication.factor=" + replicationFactor,
                    "transaction.state.log.replication.factor=" + replicationFactor,
                    "transaction.state.log.min.isr=" + minInsyncReplicas,
                    "share.coordinator.state.topic.replication.factor=" + replicationFactor,
                    "share.coordinator.state.topic.min.isr=" + minInsyncReplicas,
                    "group.initial.rebalance.delay.ms=0"));
            extraProperties.forEach((name, value) -> lines.add(name + "=" + value));
            lines.add("");
            return String.join("\n", lines);
        }

        private List<String> command(Path log4jConfig, String... mainAndArgs) {
            List<String> command = new ArrayList<>();
            command.add(ChildProcess.java());
            command.addAll(javaOptions);
            command.add("-Djava.awt.headless=true");
            command.add("-Dlog4j2.configurationFile=" + log4jConfig);
            // Otherwise log4j closes its appenders in a hook of its own while Kafka still logs its shutdown.
            command.add("-Dlog4j2.shutdownHookEnabled=false");
            command.add("-cp");
            command.add(classPath);
            command.addAll(List.of(mainAndArgs));
            return command;
        }
    }
}
