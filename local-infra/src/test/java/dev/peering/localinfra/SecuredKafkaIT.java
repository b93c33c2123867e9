package dev.peering.localinfra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.KafkaClientSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SASL_SSL broker with the ACLs of two services, one publishing and one consuming: the owner writes
 * (idempotently, as the outbox relay does, with no cluster right) and creates its topic, the consumer reads
 * it in its group, and each is refused the other's right. A write the system tests cannot try on the shared
 * stack without putting a record on a real topic.
 */
class SecuredKafkaIT {

    @TempDir
    Path dataDir;

    @Test
    void eachPrincipalMayDoWhatItsServiceNeedsAndNothingElse() throws Exception {
        Properties owner = new Properties();
        owner.setProperty("peering.outbox.topic", "secured.owner-events");
        Properties reader = new Properties();
        reader.setProperty("mp.messaging.incoming.owner-events.topic", "secured.owner-events");
        reader.setProperty("mp.messaging.incoming.owner-events.group.id", "reader");
        // with a dead-letter topic, as every consuming service has: WRITE there gets its producer an id
        reader.setProperty("mp.messaging.incoming.owner-events.dead-letter-queue.topic", "reader.owner-events.dlq");
        KafkaAccess access = new KafkaAccess(
                List.of(KafkaAccess.ServiceTopics.of("owner", owner), KafkaAccess.ServiceTopics.of("reader", reader)));
        KafkaSecurity security = KafkaSecurity.prepare(dataDir, access.principals());
        KafkaBroker broker = KafkaBroker.builder(dataDir, dataDir.resolve("logs/kafka.log"), freePort(), freePort())
                .security(security)
                .prepare();
        try {
            broker.start();
            broker.awaitReady(Duration.ofSeconds(120));
            security.grant(broker.clientSettings(), access, Duration.ofSeconds(30));
            KafkaClientSettings ownerClient = security.clientSettings("owner", broker.bootstrapServers());
            KafkaClientSettings readerClient = security.clientSettings("reader", broker.bootstrapServers());

            // a consumer may not create the topic it reads; its owner may
            assertInstanceOf(
                    TopicAuthorizationException.class, createTopic(readerClient).getCause());
            try (Admin admin = Admin.create(ownerClient.clientProperties())) {
                admin.createTopics(List.of(new NewTopic("secured.owner-events", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = producer(ownerClient)) {
                producer.send(new ProducerRecord<>("secured.owner-events", "key", "hello"))
                        .get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = producer(readerClient)) {
                ExecutionException refused = assertThrows(ExecutionException.class, () -> producer.send(
                                new ProducerRecord<>("secured.owner-events", "key", "forged"))
                        .get(30, TimeUnit.SECONDS));
                assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
            }
            assertEquals(List.of("hello"), readAll(readerClient, "reader"));
            assertThrows(GroupAuthorizationException.class, () -> readAll(readerClient, "not-its-group"));
            assertThrows(AuthorizationException.class, () -> readAll(ownerClient, "reader"));
        } finally {
            broker.stop(Duration.ofSeconds(60));
        }
        String config = Files.readString(dataDir.resolve("config/server.properties"));
        assertTrue(config.contains("listeners=SASL_SSL://"), config);
    }

    private static ExecutionException createTopic(KafkaClientSettings client) {
        try (Admin admin = Admin.create(client.clientProperties())) {
            return assertThrows(ExecutionException.class, () -> admin.createTopics(
                            List.of(new NewTopic("secured.owner-events", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS));
        }
    }

    private static KafkaProducer<String, String> producer(KafkaClientSettings client) {
        Map<String, Object> config = client.clientProperties();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(KafkaClientSettings client, String group) {
        Map<String, Object> config = client.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("secured.owner-events"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
