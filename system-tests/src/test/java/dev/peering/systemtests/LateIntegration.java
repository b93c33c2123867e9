package dev.peering.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.core.KafkaClientSettings;
import dev.peering.events.CloudEvent;
import dev.peering.events.EventJson;
import dev.peering.events.Topics;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An integration that starts late, as the README's "Catch-up for late integrations" tells it to: it reads
 * each compacted state topic from offset 0 to the end offsets it found when it started, keeps the last
 * snapshot of each key and forgets a key at its tombstone (null value). No consumer group: it assigns every
 * partition itself, so it needs nothing but READ on the topics.
 */
final class LateIntegration {

    /**
     * What one state topic said, key by key: each resource's last snapshot; {@code forgotten} the keys whose
     * last record is a tombstone; {@code values} every snapshot read, in order.
     */
    record Rebuilt(Map<String, CloudEvent> resources, Set<String> forgotten, List<String> values) {}

    static final List<String> STATE_TOPICS = List.of(
            Topics.PEER_ASNS_STATE, Topics.PEERINGS_STATE, Topics.CONNECTIONS_STATE, Topics.REGISTERED_ASNS_STATE);

    private LateIntegration() {}

    static Map<String, Rebuilt> rebuild(KafkaClientSettings settings, List<String> topics) {
        Map<String, Object> config = settings.clientProperties();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Rebuilt> rebuilt = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            for (String topic : topics) {
                rebuilt.put(topic, read(consumer, topic));
            }
        }
        return rebuilt;
    }

    private static Rebuilt read(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<String, CloudEvent> resources = new TreeMap<>();
        Set<String> forgotten = new TreeSet<>();
        List<String> values = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    resources.remove(record.key());
                    forgotten.add(record.key());
                } else {
                    values.add(record.value());
                    resources.put(record.key(), EventJson.read(record.value()));
                    forgotten.remove(record.key());
                }
            }
        }
        return new Rebuilt(resources, forgotten, values);
    }

    /**
     * The resources of {@code subscription} the state topics hold, one line each ("connection sea-v4" ->
     * "Active Established Established"), in the terms {@link #restPicture} uses.
     */
    static Map<String, String> statePicture(Map<String, Rebuilt> rebuilt, String subscription) {
        Map<String, String> picture = new TreeMap<>();
        rebuilt.forEach((topic, state) -> state.resources().values().stream()
                .filter(event -> subscription.equals(event.subscription()))
                .forEach(event -> {
                    JsonNode d = event.data();
                    switch (topic) {
                        case Topics.PEER_ASNS_STATE -> picture.put(
                                "peerAsn " + d.path("name").asText(),
                                d.path("validationState").asText());
                        case Topics.PEERINGS_STATE -> picture.put(
                                "peering " + d.path("name").asText(),
                                d.path("provisioningState").asText());
                        case Topics.CONNECTIONS_STATE -> picture.put(
                                "connection " + d.path("connectionIdentifier").asText(),
                                d.path("connectionState").asText() + " "
                                        + d.path("sessionStateV4").asText() + " "
                                        + d.path("sessionStateV6").asText());
                        case Topics.REGISTERED_ASNS_STATE -> picture.put(
                                "registeredAsn " + d.path("name").asText(),
                                d.path("asn").asText() + " "
                                        + d.path("provisioningState").asText());
                        default -> throw new IllegalArgumentException(topic);
                    }
                }));
        return picture;
    }

    /** The same picture from the four services' REST APIs: the subscription's one peering in {@code rg}. */
    static Map<String, String> restPicture(Api api, String subscription, String peeringPath) {
        Map<String, String> picture = new TreeMap<>();
        JsonPath asns = api.get(Stack.ASN, Api.peerAsns(subscription)).jsonPath();
        zip(picture, "peerAsn ", asns.getList("value.name"), asns.getList("value.properties.validationState"));
        JsonPath peerings = api.get(
                        Stack.PEERING, "/subscriptions/" + subscription + "/providers/Microsoft.Peering/peerings")
                .jsonPath();
        zip(
                picture,
                "peering ",
                peerings.getList("value.name"),
                peerings.getList("value.properties.provisioningState"));
        JsonPath connections =
                api.get(Stack.CONNECTION, peeringPath + "/connections").jsonPath();
        List<String> states = new ArrayList<>();
        for (int i = 0; i < connections.getList("value").size(); i++) {
            String c = "value[" + i + "].";
            states.add(connections.getString(c + "connectionState") + " "
                    + connections.getString(c + "bgpSession.sessionStateV4") + " "
                    + connections.getString(c + "bgpSession.sessionStateV6"));
        }
        zip(picture, "connection ", connections.getList("value.connectionIdentifier"), states);
        JsonPath registered =
                api.get(Stack.REGISTRATION, peeringPath + "/registeredAsns").jsonPath();
        List<String> asnStates = new ArrayList<>();
        for (int i = 0; i < registered.getList("value").size(); i++) {
            String r = "value[" + i + "].properties.";
            asnStates.add(registered.getString(r + "asn") + " " + registered.getString(r + "provisioningState"));
        }
        zip(picture, "registeredAsn ", registered.getList("value.name"), asnStates);
        return picture;
    }

    private static void zip(Map<String, String> picture, String prefix, List<Object> names, List<?> values) {
        for (int i = 0; i < names.size(); i++) {
            picture.put(prefix + names.get(i), String.valueOf(values.get(i)));
        }
    }
}
