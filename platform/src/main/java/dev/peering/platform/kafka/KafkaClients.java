package dev.peering.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place a service's own Kafka clients (the outbox relay's producer, the topic creator's admin
 * client) take their settings from: every {@code kafka.*} setting of the service's configuration, prefix
 * taken off, exactly as the SmallRye connector gives them to the channels' consumers and dead-letter
 * producers. That map is Quarkus's {@code default-kafka-broker} bean, which reads both {@code
 * kafka.security.protocol} in a properties file and {@code KAFKA_SECURITY_PROTOCOL} in the environment;
 * so {@code security.protocol}, {@code sasl.*}, {@code ssl.*} reach every client of the service.
 */
@ApplicationScoped
public class KafkaClients {

    static final String GROUP_ID = "group.id";
    static final String CLIENT_ID = "client.id";
    static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> defaultConfig;

    /**
     * The settings of a client that is not a consumer, named {@code clientName} (a configured {@code
     * kafka.client.id} becomes its prefix, so the service's clients stay told apart in the broker's logs
     * and quotas); the caller adds its own settings on top.
     */
    public Map<String, Object> forClient(String clientName) {
        return forClient(defaultConfig, clientName);
    }

    public String bootstrapServers() {
        return String.valueOf(defaultConfig.getOrDefault(BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS));
    }

    static Map<String, Object> forClient(Map<String, Object> configured, String clientName) {
        Map<String, Object> config = new HashMap<>(configured);
        // Quarkus adds the application name as group.id for the channels; only consumers take one.
        config.remove(GROUP_ID);
        config.putIfAbsent(BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS);
        Object prefix = config.get(CLIENT_ID);
        config.put(CLIENT_ID, prefix == null || prefix.toString().isBlank() ? clientName : prefix + "-" + clientName);
        return config;
    }
}
