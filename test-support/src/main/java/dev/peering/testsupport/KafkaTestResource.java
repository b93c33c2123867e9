package dev.peering.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in the test JVM, on free ports, with
 * a new log directory per run, and topics not created on first use, as in production. One broker
 * serves every test class of the JVM.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    // Quarkus loads this class again for each application start; the property shares one broker JVM-wide.
    private static final String SHARED = "peering.test.kafka.bootstrap-servers";

    /** The broker of this JVM, started on first use. */
    public static synchronized String bootstrapServers() {
        String shared = System.getProperty(SHARED);
        if (shared != null) {
            return shared;
        }
        if (cluster == null) {
            try {
                // Our own log directory: left to itself the test kit makes one with Kafka's TestUtils, which
                // registers a shutdown hook deleting it while the broker may still be closing in ours; a
                // broker whose log directories vanish halts the JVM with status 1 (Exit.halt), which
                // surefire reports as "Error occurred in starting fork" after every test has passed.
                Path base = Files.createTempDirectory("peering-test-kafka-");
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                                .setBaseDirectory(base)
                                .setCombined(true)
                                .setNumBrokerNodes(1)
                                .setNumControllerNodes(1)
                                .build())
                        .setConfigProp("auto.create.topics.enable", "false")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        // One partition for the group offsets (Kafka's default is 50): the first consumer group
                        // of a run made the broker create and log 50 partitions, 1-2 s of each module's start.
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setDeleteOnClose(true)
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestResource::shutdown, "kafka-test-shutdown"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker", e);
            }
        }
        System.setProperty(SHARED, cluster.bootstrapServers());
        return cluster.bootstrapServers();
    }

    private static synchronized void shutdown() {
        if (cluster != null) {
            try {
                cluster.close(); // stops the broker, then deletes its log directory
            } catch (Exception e) {
                // the JVM is exiting; the log directory is a temporary one
            }
            cluster = null;
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker outlives one test class: it is shared by the JVM and closed when the JVM exits
    }
}
