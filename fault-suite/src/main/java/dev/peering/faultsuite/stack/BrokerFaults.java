package dev.peering.faultsuite.stack;

import dev.peering.events.Topics;
import dev.peering.localinfra.KafkaBroker;
import dev.peering.localinfra.KafkaCluster;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The faults of the Kafka broker: stopped, killed and frozen, each on the node that matters (the only one,
 * or on a cluster the node leading {@code peering.peering-events} partition 0).
 */
public final class BrokerFaults {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    /** The outbox relay passes that failed so far, as the services' logs tell. */
    interface RelayFailures {
        long count() throws IOException;
    }

    private final KafkaCluster kafka;
    private final Duration readyTimeout;
    private final RelayFailures relayFailures;

    BrokerFaults(KafkaCluster kafka, Duration readyTimeout, RelayFailures relayFailures) {
        this.kafka = kafka;
        this.readyTimeout = readyTimeout;
        this.relayFailures = relayFailures;
    }

    /** Grace for a broker to stop on SIGTERM, also when the stack closes. */
    static Duration stopGrace() {
        return STOP_GRACE;
    }

    /** Stops the broker (SIGTERM), leaves it down for {@code down}, starts it again on the same log folder. */
    public void restart(Duration down) throws IOException, InterruptedException {
        KafkaBroker node = targetNode();
        node.stop(STOP_GRACE);
        TimeUnit.MILLISECONDS.sleep(down.toMillis());
        node.start();
        kafka.awaitReady(readyTimeout);
    }

    /** kill -9 of the broker, down for {@code down}, started again on the same log folder (log recovery). */
    public void kill(Duration down) throws IOException, InterruptedException {
        KafkaBroker node = targetNode();
        node.process().kill();
        TimeUnit.MILLISECONDS.sleep(down.toMillis());
        node.start();
        kafka.awaitReady(readyTimeout);
    }

    /**
     * SIGSTOP of the broker for {@code frozen}: its sockets stay open and nothing answers, so the producers'
     * sends time out (delivery timeout) rather than fail fast on a refused connection; then SIGCONT.
     *
     * @return the outbox relay passes that failed (and were rolled back, to be retried) while the broker was
     *     frozen, as the services' logs tell: none means the freeze did not outlast the delivery timeout
     */
    public long freeze(Duration frozen) throws IOException, InterruptedException {
        long before = relayFailures.count();
        long during;
        KafkaBroker node = targetNode();
        node.process().freeze();
        try {
            TimeUnit.MILLISECONDS.sleep(frozen.toMillis());
            during = relayFailures.count() - before;
        } finally {
            node.process().thaw();
        }
        kafka.awaitReady(readyTimeout);
        return during;
    }

    /**
     * The node a broker fault hits: the only one, or on a cluster the one leading {@code
     * peering.peering-events} partition 0 now (every workflow's peering events go through some leader, and
     * this one's loss moves a leadership the services are writing to).
     */
    private KafkaBroker targetNode() {
        if (kafka.size() == 1) {
            return kafka.nodes().get(0);
        }
        Map<String, Object> admin = kafka.clientSettings().clientProperties();
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin client = Admin.create(admin)) {
            int leader = client.describeTopics(List.of(Topics.PEERING_EVENTS))
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .get(Topics.PEERING_EVENTS)
                    .partitions()
                    .get(0)
                    .leader()
                    .id();
            System.out.println("[fault] the broker fault hits Kafka node " + leader + ", leader of "
                    + Topics.PEERING_EVENTS + "-0");
            return kafka.nodes().get(leader - 1);
        } catch (Exception e) {
            System.out.println("[fault] no leader of " + Topics.PEERING_EVENTS + "-0 known (" + e
                    + "); the broker fault hits Kafka node 1");
            return kafka.nodes().get(0);
        }
    }
}
