package dev.peering.localinfra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both launchers for real, on free ports: one record through the broker, SQL through PostgreSQL. */
class LaunchersIT {

    private final Set<Integer> ports = new HashSet<>();

    @TempDir
    Path dataDir;

    @Test
    void kafkaBrokerTakesARecordAndGivesItBack() throws Exception {
        Path log = dataDir.resolve("logs/kafka.log");
        KafkaBroker broker = KafkaBroker.builder(dataDir, log, freePort(), freePort())
                .serverProperty("group.min.session.timeout.ms", "3000")
                .processSettings(ProcessSettings.defaults().withStartBanner("local-infra test"))
                .prepare();
        try {
            assertTrue(
                    Files.readString(dataDir.resolve("config/server.properties"))
                            .endsWith("group.initial.rebalance.delay.ms=0\ngroup.min.session.timeout.ms=3000\n"),
                    "the caller's properties come last");
            assertTrue(Files.exists(dataDir.resolve("kafka/meta.properties")), "the log folder is formatted");
            broker.start();
            broker.awaitReady(Duration.ofSeconds(120));

            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("infra-test", 1, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("infra-test", "key", "hello"))
                        .get();
            }
            Properties consumerConfig = new Properties();
            consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
            consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
                consumer.subscribe(List.of("infra-test"));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        values.add(record.value());
                    }
                    return !values.isEmpty();
                });
            }
            assertEquals(List.of("hello"), values);
        } finally {
            broker.stop(Duration.ofSeconds(60));
        }
        assertFalse(broker.process().isAlive());
        assertTrue(Files.readString(log).contains("==== local-infra test: starting kafka"));
    }

    @Test
    void postgresRunsSqlSurvivesACrashAndStops() throws Exception {
        PostgresServer postgres = PostgresServer.builder(
                        dataDir.resolve("postgres"), freePort(), dataDir.resolve("logs/postgres.log"))
                .fsync(false)
                .start();
        try {
            assertEquals(List.of("infra_test"), postgres.createDatabases(List.of("infra_test")));
            assertEquals(List.of(), postgres.createDatabases(List.of("infra_test")), "only missing ones");
            try (Connection connection = postgres.connect("infra_test");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT 6 * 7")) {
                assertTrue(result.next());
                assertEquals(42, result.getInt(1));
            }

            long pid = postgres.pid();
            postgres.crash();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            postgres.start();
            assertEquals(List.of(), postgres.createDatabases(List.of("infra_test")), "the cluster was kept");
        } finally {
            postgres.stop();
        }
        assertThrows(SQLException.class, () -> postgres.connect("infra_test").close());
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
