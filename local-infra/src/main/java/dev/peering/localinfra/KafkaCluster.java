package dev.peering.localinfra;

import dev.peering.core.KafkaClientSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka broker, or a cluster of several on this machine, each node its own JVM acting as broker and
 * controller (KRaft, a static quorum of every node), so that one can be killed while the others go on.
 *
 * <p>A cluster of {@code n} nodes replicates every topic {@code min(n, 3)} times and needs {@code
 * replicas - 1} of them in sync for a write with {@code acks=all}, as a production cluster does
 * ({@code min.insync.replicas=2} for three replicas); a single node replicates nothing.
 *
 * <p>Node 1 keeps its configuration and log folder where a single broker keeps them ({@code config/},
 * {@code kafka/} under the data folder, log {@code kafka.log}), so a single broker's data folder stays
 * valid; node {@code i > 1} keeps them under {@code kafka-i/}, log {@code kafka-i.log}.
 */
public final class KafkaCluster {

    private final List<KafkaBroker> nodes;
    private final int replicationFactor;

    private KafkaCluster(List<KafkaBroker> nodes, int replicationFactor) {
        this.nodes = List.copyOf(nodes);
        this.replicationFactor = replicationFactor;
    }

    /** The replicas of each topic for a cluster of {@code size} nodes: at most three. */
    public static int replicationFactor(int size) {
        return Math.min(size, 3);
    }

    /** The replicas a write with {@code acks=all} needs: one less than the replicas, at least one. */
    public static int minInsyncReplicas(int size) {
        return Math.max(1, replicationFactor(size) - 1);
    }

    /**
     * Writes the configuration of {@code size} nodes and formats their log folders (those that hold no
     * cluster yet), not started. Node {@code i} (from 1) listens on {@code ports.get(i - 1)} and its
     * controller on {@code controllerPorts.get(i - 1)}; {@code common} sets what every node shares (JVM
     * options, class path, security).
     */
    public static KafkaCluster prepare(
            Path dataDir,
            Path logDir,
            List<Integer> ports,
            List<Integer> controllerPorts,
            UnaryOperator<KafkaBroker.Builder> common)
            throws IOException, InterruptedException {
        int size = ports.size();
        if (size < 1 || controllerPorts.size() != size) {
            throw new IllegalArgumentException("a cluster needs one port and one controller port per node");
        }
        String voters = IntStream.rangeClosed(1, size)
                .mapToObj(i -> i + "@localhost:" + controllerPorts.get(i - 1))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString(); // used only by nodes not formatted yet
        List<KafkaBroker.Builder> builders = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            KafkaBroker.Builder builder = KafkaBroker.builder(
                    i == 1 ? dataDir : dataDir.resolve("kafka-" + i),
                    logDir.resolve(i == 1 ? "kafka.log" : "kafka-" + i + ".log"),
                    ports.get(i - 1),
                    controllerPorts.get(i - 1));
            common.apply(builder);
            if (size > 1) {
                builder.node(i, voters, clusterId).replication(replicationFactor(size), minInsyncReplicas(size));
            }
            builders.add(builder);
        }
        // Each node's log folder is formatted by a JVM of its own: at once, not one after the other.
        List<KafkaBroker> nodes = new ArrayList<>();
        ExecutorService formatters = Executors.newFixedThreadPool(size);
        try {
            List<Future<KafkaBroker>> prepared = new ArrayList<>();
            for (KafkaBroker.Builder builder : builders) {
                prepared.add(formatters.submit(builder::prepare));
            }
            for (Future<KafkaBroker> node : prepared) {
                nodes.add(node.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("preparing a Kafka node failed: " + e.getCause(), e.getCause());
        } finally {
            formatters.shutdownNow();
        }
        return new KafkaCluster(nodes, replicationFactor(size));
    }

    /** The nodes, node 1 first. */
    public List<KafkaBroker> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    /** The replicas of each topic: what a service's topic creator must ask for. */
    public int replicationFactor() {
        return replicationFactor;
    }

    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** What a client needs to reach the cluster with every right (see {@link KafkaBroker#clientSettings}). */
    public KafkaClientSettings clientSettings() {
        Map<String, String> settings =
                new java.util.LinkedHashMap<>(nodes.get(0).clientSettings().asMap());
        settings.put(KafkaClientSettings.BOOTSTRAP_SERVERS, bootstrapServers());
        return KafkaClientSettings.of(settings);
    }

    public Optional<KafkaSecurity> security() {
        return nodes.get(0).security();
    }

    /** Starts every node's JVM; {@link #awaitReady} tells when all of them are in the cluster. */
    public void start() throws IOException {
        for (KafkaBroker node : nodes) {
            node.start();
        }
    }

    /** Waits until every node is in the cluster's metadata. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        if (nodes.size() == 1) {
            nodes.get(0).awaitReady(timeout);
            return;
        }
        ClusterMembership.await(
                clientSettings(), nodes.stream().map(KafkaBroker::process).toList(), timeout);
    }

    /**
     * SIGTERM to every node at once, so that they close their logs cleanly; SIGKILL to those still running
     * after {@code grace}. One after the other, the last nodes would wait for a controller quorum that the
     * first ones took away.
     */
    public void stop(Duration grace) throws InterruptedException {
        List<Thread> stopping = new ArrayList<>();
        for (KafkaBroker node : nodes) {
            Thread stopper = new Thread(
                    () -> {
                        try {
                            node.stop(grace);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "stop-" + node.process().log().getFileName());
            stopper.start();
            stopping.add(stopper);
        }
        for (Thread stopper : stopping) {
            stopper.join();
        }
    }
}
