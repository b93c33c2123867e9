package dev.peering.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.KafkaClientSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared stack runs with {@code --kafka-security sasl_ssl} (the other system tests run the seed's story
 * on it): here, what each principal of its data folder may and may not do on the broker. Nothing is written
 * to a topic: every write tried is one the broker refuses.
 */
class KafkaAclIT {

    static final String PEER_ASN_EVENTS = "peering.peer-asn-events";
    static final String PEERING_EVENTS = "peering.peering-events";
    static final String CONNECTION_EVENTS = "peering.connection-events";
    static final String REGISTRATION_EVENTS = "peering.registration-events";

    static Stack stack;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
    }

    @Test
    void aServicesPrincipalIsRefusedWhenItWritesAnotherServicesTopic() {
        try (KafkaProducer<String, String> producer = producer(stack.kafkaClient(Stack.CONNECTION))) {
            // its credentials are good: it sees the topic it owns
            assertEquals(3, producer.partitionsFor(CONNECTION_EVENTS).size());

            assertRefused(() -> producer.send(new ProducerRecord<>(PEER_ASN_EVENTS, "forged", "{}"))
                    .get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aServicesPrincipalIsRefusedWhenItReadsATopicItDoesNotConsume() {
        // registration-service consumes peering and connection events, not peer-ASN events; no group, so
        // the service's own consumer group is left alone
        try (KafkaConsumer<String, String> consumer = consumer(stack.kafkaClient(Stack.REGISTRATION), null)) {
            consumer.assign(List.of(new TopicPartition(PEER_ASN_EVENTS, 0)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200));
                    return false;
                } catch (TopicAuthorizationException refused) {
                    return refused.unauthorizedTopics().contains(PEER_ASN_EVENTS);
                }
            });
        }
    }

    @Test
    void theWatchPrincipalReadsEveryPublishedTopicAndWritesNone() {
        KafkaClientSettings watch = stack.kafkaClient(Stack.WATCH_PRINCIPAL);
        List<String> topics = List.of(PEER_ASN_EVENTS, PEERING_EVENTS, CONNECTION_EVENTS, REGISTRATION_EVENTS);
        try (KafkaConsumer<String, String> consumer =
                consumer(watch, "peering-watch-system-test-" + UUID.randomUUID())) {
            Set<TopicPartition> assigned = new HashSet<>();
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                    assigned.removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    assigned.addAll(partitions);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return assigned.size() == 4 * 3;
            });
        }
        // not idempotent: a principal with no WRITE anywhere would be refused a producer id before the write
        try (KafkaProducer<String, String> producer =
                producer(watch.with(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"))) {
            assertRefused(() -> producer.send(new ProducerRecord<>(PEERING_EVENTS, "forged", "{}"))
                    .get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        KafkaClientSettings settings = stack.kafkaClient(Stack.PEERING);
        String jaas = settings.asMap().get("sasl.jaas.config");
        KafkaClientSettings wrong =
                settings.with("sasl.jaas.config", jaas.replaceAll("password=\"[^\"]*\"", "password=\"guess\""));
        Map<String, Object> config = wrong.clientProperties();
        try (Admin admin = Admin.create(config)) {
            ExecutionException refused = assertThrows(
                    ExecutionException.class, () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
    }

    @Test
    void noKafkaPasswordIsInALogOrInTheLaunchersOutput() throws Exception {
        java.util.Properties credentials = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(
                stack.dataDir().resolve("kafka-security/credentials.properties"))) {
            credentials.load(reader);
        }
        assertTrue(credentials.size() >= 6, "a password per principal and the stores' " + credentials.keySet());
        List<String> texts = new java.util.ArrayList<>(List.of(String.join("\n", stack.output())));
        try (var logs = java.nio.file.Files.list(stack.dataDir().resolve("logs"))) {
            for (java.nio.file.Path log : logs.toList()) {
                texts.add(java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        for (String secret : credentials.stringPropertyNames()) {
            String password = credentials.getProperty(secret);
            texts.forEach(text -> assertFalse(text.contains(password), secret + " is in a log"));
        }
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable write) {
        Exception refused = assertThrows(Exception.class, write);
        Throwable cause = refused instanceof ExecutionException ? refused.getCause() : refused;
        assertInstanceOf(TopicAuthorizationException.class, cause, refused.toString());
        assertTrue(cause.getMessage().contains("Not authorized"), cause.getMessage());
    }

    private static KafkaProducer<String, String> producer(KafkaClientSettings settings) {
        Map<String, Object> config = settings.clientProperties();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaClientSettings settings, String group) {
        Map<String, Object> config = settings.clientProperties();
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
