package dev.peering.localinfra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Kafka nodes for real, as {@code ./stack up --brokers 3} starts them: a topic is replicated three
 * times and needs two replicas in sync, and when the partition's leader is killed (kill -9) a write with
 * {@code acks=all} is still acknowledged and every acknowledged record is read back from the survivors.
 */
class KafkaClusterIT {

    private static final String TOPIC = "cluster-test";

    private final Set<Integer> ports = new HashSet<>();

    @TempDir
    Path dataDir;

    @Test
    void aTopicSurvivesItsLeadersKill9() throws Exception {
        KafkaCluster cluster = KafkaCluster.prepare(
                dataDir,
                dataDir.resolve("logs"),
                List.of(freePort(), freePort(), freePort()),
                List.of(freePort(), freePort(), freePort()),
                // The controller fences a silent node after this long (Kafka's default: 9 s); shorter here only
                // so that the test waits less for the new leader.
                node -> node.processSettings(ProcessSettings.defaults().withStartBanner("cluster test"))
                        .serverProperty("broker.session.timeout.ms", "4000")
                        .serverProperty("broker.heartbeat.interval.ms", "1000"));
        try {
            cluster.start();
            cluster.awaitReady(Duration.ofSeconds(180));
            Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            TopicDescription described;
            String minInsync;
            try (Admin client = Admin.create(admin)) {
                // the cluster's defaults, as a service's topic creator leaves them
                client.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty())))
                        .all()
                        .get();
                described = client.describeTopics(List.of(TOPIC))
                        .allTopicNames()
                        .get()
                        .get(TOPIC);
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
                minInsync = client.describeConfigs(List.of(topic))
                        .all()
                        .get()
                        .get(topic)
                        .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
                        .value();
            }
            assertEquals(3, described.partitions().get(0).replicas().size(), "replicas of the topic");
            assertEquals("2", minInsync, "replicas a write with acks=all needs");

            try (KafkaProducer<String, String> producer = producer(cluster)) {
                producer.send(new ProducerRecord<>(TOPIC, "k", "before")).get();
                int leader = described.partitions().get(0).leader().id();
                KafkaBroker killed = cluster.nodes().get(leader - 1);
                killed.process().process().destroyForcibly().waitFor();
                assertFalse(killed.process().isAlive());
                producer.send(new ProducerRecord<>(TOPIC, "k", "after the leader's kill -9"))
                        .get();
            }

            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "cluster-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class))) {
                consumer.subscribe(List.of(TOPIC));
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        values.add(record.value());
                    }
                    return values.size() >= 2;
                });
            }
            assertEquals(List.of("before", "after the leader's kill -9"), values);
        } finally {
            cluster.stop(Duration.ofSeconds(30));
        }
    }

    /** Every write waits for the replicas in sync, as the services' outbox relay does. */
    private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                90_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (ports.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
