package dev.peering.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes is what {@code ./stack manifests} writes from the services' configuration today (a channel
 * added to a service without writing the files again fails here), and what it writes is sound: one KafkaUser
 * per principal with the ACLs of the local stack's secured broker, every published topic replicated three
 * times, and each Deployment probed on Quarkus's health endpoints and reading its Kafka secret.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theCommittedManifestsAreWhatTheServicesConfigurationGives() throws Exception {
        Map<String, String> rendered = KubernetesManifests.render(ROOT);
        for (Map.Entry<String, String> file : rendered.entrySet()) {
            Path committed = ROOT.resolve(KubernetesManifests.DIR).resolve(file.getKey());
            assertTrue(Files.exists(committed), committed + " is missing: run ./stack manifests");
            assertEquals(
                    file.getValue(),
                    Files.readString(committed),
                    committed + " is stale: run ./stack manifests and commit the result");
        }
    }

    @Test
    void everyPrincipalHasItsUserAndEveryServiceItsProbedDeployment() throws Exception {
        Map<String, String> rendered = KubernetesManifests.render(ROOT);
        List<JsonNode> users = documents(rendered.get("kafka-users.yaml"));
        assertEquals(
                List.of(
                        "asn-validation-service",
                        "peering-service",
                        "connection-service",
                        "registration-service",
                        "watch"),
                users.stream()
                        .map(u -> u.path("metadata").path("name").asText())
                        .toList());
        for (JsonNode user : users) {
            assertEquals(
                    "scram-sha-512",
                    user.path("spec").path("authentication").path("type").asText());
            assertTrue(user.path("spec").path("authorization").path("acls").size() > 0, user.toString());
        }
        List<String> compacted = new ArrayList<>();
        for (JsonNode topic : documents(rendered.get("kafka-topics.yaml"))) {
            // the state topics of ADR 0022 are compacted and keep no retention; every other topic has one
            JsonNode config = topic.path("spec").path("config");
            if (config.path("cleanup.policy").asText().equals("compact")) {
                compacted.add(topic.path("spec").path("topicName").asText());
                assertTrue(config.path("retention.ms").isMissingNode(), topic.toString());
            } else {
                assertTrue(config.path("retention.ms").asLong() > 0, topic.toString());
            }
            assertEquals(3, topic.path("spec").path("replicas").asInt(), topic.toString());
            assertEquals(
                    2,
                    topic.path("spec")
                            .path("config")
                            .path("min.insync.replicas")
                            .asInt(),
                    topic.toString());
        }
        assertEquals(
                List.of(
                        "peering.connections.state",
                        "peering.peer-asns.state",
                        "peering.peerings.state",
                        "peering.registered-asns.state"),
                compacted);
        List<JsonNode> deployments = documents(rendered.get("services.yaml")).stream()
                .filter(d -> d.path("kind").asText().equals("Deployment"))
                .toList();
        assertEquals(5, deployments.size(), "four services and the gateway");
        for (JsonNode deployment : deployments) {
            JsonNode container = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            String name = deployment.path("metadata").path("name").asText();
            assertEquals(
                    "/q/health/ready",
                    container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText(),
                    name);
            assertEquals(
                    "/q/health/live",
                    container.path("livenessProbe").path("httpGet").path("path").asText(),
                    name);
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, name);
            for (JsonNode variable : container.path("env")) {
                String variableName = variable.path("name").asText();
                if (variableName.contains("PASSWORD")
                        || variableName.contains("JAAS")
                        || variableName.contains("JDBC")) {
                    assertTrue(
                            variable.path("value").isMissingNode() && variable.has("valueFrom"),
                            name + ": " + variableName + " must come from a Secret, not be written in the manifest");
                }
            }
            if (!name.equals("gateway")) {
                assertTrue(
                        container
                                .path("env")
                                .toString()
                                .contains(
                                        "{\"secretKeyRef\":{\"name\":\"" + name + "\",\"key\":\"sasl.jaas.config\"}}"),
                        name + " reads its own KafkaUser's secret");
            }
        }
    }

    private static List<JsonNode> documents(String yaml) throws Exception {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            var values = mapper.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
