package dev.peering.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as {@code docker-compose config} resolves it (Docker itself is not needed for that, and
 * not there on the build machine): valid, and a stack that starts cold from a clean checkout. Every service
 * and the gateway build from the root Dockerfile with their module, wait for the keys and every Kafka node,
 * read the public key from the keys volume (never a host folder), reach all three Kafka nodes and ask for
 * three replicas; the gateway routes to each service by name.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> KAFKA_NODES = List.of("kafka-1", "kafka-2", "kafka-3");

    private static JsonNode services;

    @BeforeAll
    static void resolve() throws Exception {
        assumeTrue(
                onPath("docker-compose"),
                "docker-compose is not installed: the compose file is NOT checked here (.ci/run installs it)");
        Process config = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(config.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not end");
        assertEquals(0, config.exitValue(), "docker-compose config refused the file:\n" + output);
        services = new ObjectMapper(new YAMLFactory()).readTree(output).path("services");
    }

    @Test
    void everyServiceAndTheGatewayBuildFromTheRootDockerfileWithTheirModule() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("-pl \"$MODULE\" -am"), "the build stage builds MODULE");
        assertTrue(Files.readString(ROOT.resolve(".dockerignore")).contains(".stack-data/"), "no local data in images");
        for (ServiceSpec spec : modules()) {
            JsonNode build = service(spec.module()).path("build");
            assertEquals(ROOT.toString(), build.path("context").asText(), spec.module() + " builds from the root");
            assertEquals("service", build.path("target").asText(), spec.module());
            assertEquals(spec.module(), build.path("args").path("MODULE").asText(), spec.module());
            assertTrue(Files.isRegularFile(ROOT.resolve(spec.module()).resolve("pom.xml")), spec.module());
            assertTrue(
                    service(spec.module()).path("ports").toString().contains("\"published\":" + spec.defaultPort())
                            || service(spec.module()).path("ports").toString().contains(spec.defaultPort() + ":"),
                    spec.module() + " publishes port " + spec.defaultPort() + ": "
                            + service(spec.module()).path("ports"));
        }
        assertEquals(
                "local-stack",
                service("keys").path("build").path("args").path("MODULE").asText());
        assertEquals("keys", service("keys").path("build").path("target").asText());
    }

    @Test
    void theServicesStartColdAfterTheKeysAndEveryKafkaNode() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode service = service(spec.module());
            JsonNode dependsOn = service.path("depends_on");
            assertEquals(
                    "service_completed_successfully",
                    dependsOn.path("keys").path("condition").asText(),
                    spec.module());
            for (String node : KAFKA_NODES) {
                assertEquals(
                        "service_healthy",
                        dependsOn.path(node).path("condition").asText(),
                        spec.module() + " " + node);
            }
            assertEquals(
                    "service_healthy",
                    dependsOn.path("postgres").path("condition").asText(),
                    spec.module());
            List<String> volumes = new ArrayList<>();
            service.path("volumes").forEach(v -> volumes.add(volume(v)));
            // a named volume: a host folder would be created root-owned and empty by Docker on Linux
            assertEquals(List.of("jwt-keys:/etc/peering/jwt:ro"), volumes, spec.module() + "'s volumes");
            JsonNode env = service.path("environment");
            assertEquals(
                    String.join(",", KAFKA_NODES.stream().map(n -> n + ":29092").toList()),
                    env.path("KAFKA_BOOTSTRAP_SERVERS").asText(),
                    spec.module());
            assertEquals("3", env.path("PEERING_TOPICS_REPLICATION_FACTOR").asText(), spec.module());
            assertEquals("2", env.path("PEERING_TOPICS_MIN_INSYNC_REPLICAS").asText(), spec.module());
            assertEquals(
                    String.valueOf(spec.defaultPort()),
                    env.path("QUARKUS_HTTP_PORT").asText(),
                    spec.module());
            assertTrue(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText().endsWith("/" + spec.database()), spec.module());
        }
        assertEquals(
                "jwt-keys:/data/keys:rw",
                volume(service("keys").path("volumes").get(0))
                        + (service("keys").path("volumes").get(0).isTextual() ? "" : ":rw"));
    }

    @Test
    void threeKafkaNodesFormOneQuorumWithThreeReplicas() {
        String voters = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> i + "@kafka-" + i + ":9093")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        Set<String> clusterIds = new TreeSet<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode env = service("kafka-" + i).path("environment");
            assertEquals(String.valueOf(i), env.path("KAFKA_NODE_ID").asText());
            assertEquals(voters, env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
            assertEquals("2", env.path("KAFKA_MIN_INSYNC_REPLICAS").asText());
            assertEquals("3", env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asText());
            assertTrue(env.path("KAFKA_ADVERTISED_LISTENERS").asText().contains("INTERNAL://kafka-" + i + ":29092"));
            clusterIds.add(env.path("CLUSTER_ID").asText());
        }
        assertEquals(1, clusterIds.size(), "one cluster id");
    }

    @Test
    void theGatewayRoutesToEachServiceByName() {
        JsonNode env = service("gateway").path("environment");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            String variable =
                    "PEERING_GATEWAY_ROUTES_" + spec.module().toUpperCase().replace('-', '_');
            assertEquals(
                    "http://" + spec.module() + ":" + spec.defaultPort(),
                    env.path(variable).asText(),
                    variable);
        }
        assertFalse(service("gateway").has("depends_on"), "it starts with the services and answers 503 meanwhile");
    }

    @Test
    void theObservabilityProfileLoadsTheAlertRulesTheDashboardAndATracingBackend() throws IOException {
        Path observability = ROOT.resolve("deploy/observability");
        for (String name : List.of("prometheus", "grafana", "jaeger")) {
            assertEquals("[\"observability\"]", service(name).path("profiles").toString(), name + " only on demand");
        }
        for (ServiceSpec spec : modules()) {
            assertFalse(service(spec.module()).has("profiles"), spec.module() + " runs without the profile");
        }
        List<String> prometheus = new ArrayList<>();
        service("prometheus").path("volumes").forEach(v -> prometheus.add(volume(v)));
        assertTrue(prometheus.contains(observability.resolve("prometheus.yml") + ":/etc/prometheus/prometheus.yml:ro"));
        assertTrue(prometheus.contains(observability.resolve("alerts.yml") + ":/etc/prometheus/alerts.yml:ro"));
        List<String> grafana = new ArrayList<>();
        service("grafana").path("volumes").forEach(v -> grafana.add(volume(v)));
        assertTrue(grafana.contains(observability.resolve("grafana/provisioning") + ":/etc/grafana/provisioning:ro"));
        assertTrue(grafana.contains(observability.resolve("grafana/dashboards") + ":/var/lib/grafana/dashboards:ro"));
        assertTrue(Files.isRegularFile(observability.resolve("grafana/dashboards/peering-control-plane.json")));

        // Prometheus scrapes every service by its compose name and port, and loads the rules where they are mounted
        JsonNode config = new ObjectMapper(new YAMLFactory())
                .readTree(observability.resolve("prometheus.yml").toFile());
        assertEquals(
                "/etc/prometheus/alerts.yml", config.path("rule_files").get(0).asText());
        Set<String> targets = new TreeSet<>();
        config.path("scrape_configs").forEach(job -> {
            assertEquals(
                    "/q/metrics",
                    job.path("metrics_path").asText(),
                    job.path("job_name").asText());
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        });
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertTrue(
                    targets.contains(spec.module() + ":" + spec.defaultPort()), spec.module() + " scraped: " + targets);
            JsonNode env = service(spec.module()).path("environment");
            assertEquals(
                    "http://jaeger:4317",
                    env.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText(),
                    spec.module());
        }
    }

    /** A volume as {@code source:target[:ro]}, from the short syntax (docker-compose 1) or the long one (2). */
    private static String volume(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        return v.path("source").asText() + ":" + v.path("target").asText()
                + (v.path("read_only").asBoolean() ? ":ro" : "");
    }

    private static List<ServiceSpec> modules() {
        List<ServiceSpec> all = new ArrayList<>(ServiceSpec.ALL);
        all.add(ServiceSpec.GATEWAY);
        all.add(ServiceSpec.CONSOLE);
        return all;
    }

    private static JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertFalse(service.isMissingNode(), "docker-compose.yml has no service " + name);
        return service;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
