package dev.peering.localinfra;

import dev.peering.core.KafkaClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits for Kafka nodes to be in the cluster's metadata: for one broker, and for every node of a cluster. */
final class ClusterMembership {

    private ClusterMembership() {}

    /**
     * Waits until the cluster reached through {@code settings} lists {@code processes.size()} nodes. Fails at
     * once when one of the processes exited, with the last lines of its log.
     */
    static void await(KafkaClientSettings settings, List<ChildProcess> processes, Duration timeout)
            throws InterruptedException {
        Map<String, Object> config = settings.clientProperties();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                for (ChildProcess process : processes) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Kafka exited with code "
                                + process.process().exitValue() + ". Last lines of " + process.log() + ":\n"
                                + process.tail(20));
                    }
                }
                if (nodesInCluster(admin) >= processes.size()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every Kafka node answered within " + timeout.toSeconds()
                            + " s; see " + processes.get(0).log()
                            + (processes.size() > 1 ? " and the other nodes' logs" : ""));
                }
                processes.get(0).waitFor(Duration.ofMillis(200));
            }
        }
    }

    private static int nodesInCluster(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS)
                    .size();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }
}
