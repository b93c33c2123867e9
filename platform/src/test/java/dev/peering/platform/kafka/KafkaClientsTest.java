package dev.peering.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    @Test
    void aClientTakesEverySettingButTheChannelsGroupAndIsNamedAfterItsJob() {
        Map<String, Object> configured = Map.of(
                "bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "ScramLoginModule required username=\"peering-service\" password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "group.id", "peering-service");

        Map<String, Object> relay = KafkaClients.forClient(configured, "outbox-relay");

        assertEquals(
                Map.of(
                        "bootstrap.servers", "broker:9093",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", "ScramLoginModule required username=\"peering-service\" password=\"p\";",
                        "ssl.truststore.location", "/etc/kafka/truststore.p12",
                        "client.id", "outbox-relay"),
                relay);
    }

    @Test
    void aConfiguredClientIdBecomesThePrefixAndTheBrokerDefaultsToLocalhost() {
        Map<String, Object> admin = KafkaClients.forClient(Map.of("client.id", "peering-eu1"), "topic-creator");

        assertEquals(Map.of("client.id", "peering-eu1-topic-creator", "bootstrap.servers", "localhost:9092"), admin);
    }
}
