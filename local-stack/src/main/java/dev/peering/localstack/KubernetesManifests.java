package dev.peering.localstack;

import dev.peering.localinfra.KafkaAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * {@code local-stack manifests}: the Kubernetes manifests of the stack on a Strimzi Kafka cluster named
 * {@value #CLUSTER}, written to {@code deploy/kubernetes/}. One source of truth: the topics and every
 * principal's ACLs come from the services' {@code application.properties} through {@link KafkaAccess}, as the
 * local stack's SASL_SSL broker gets them, so a channel added to a service changes its KafkaUser here too
 * ({@code KubernetesManifestsTest} fails until the files are written again).
 */
final class KubernetesManifests {

    static final String CLUSTER = "peering";
    static final Path DIR = Path.of("deploy", "kubernetes");
    static final String IMAGE_PREFIX = "peering/";
    static final String TAG = "1.0.0-SNAPSHOT";
    private static final long RETENTION_MS = 30L * 24 * 3600 * 1000;

    private KubernetesManifests() {}

    /** {@code local-stack manifests [--root DIR]}: writes the files; returns the exit code. */
    static int write(Path root) {
        try {
            Map<String, String> files = render(root);
            Path dir = Files.createDirectories(root.resolve(DIR));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
                System.out.println("wrote " + root.relativize(dir.resolve(file.getKey())));
            }
            return 0;
        } catch (IOException e) {
            System.err.println("Cannot write the manifests: " + e.getMessage());
            return 1;
        }
    }

    /** File name to content, in a fixed order. */
    static Map<String, String> render(Path root) throws IOException {
        List<KafkaAccess.ServiceTopics> services = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            services.add(KafkaAccess.ServiceTopics.of(
                    service.module(),
                    StackKafkaSecurity.applicationProperties(root, service)
                            .orElseThrow(() -> new IllegalStateException(
                                    "no application.properties for " + service.module() + " under " + root))));
        }
        KafkaAccess access = new KafkaAccess(services);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("kafka-topics.yaml", topics(services));
        files.put("kafka-users.yaml", users(access));
        files.put("services.yaml", deployments());
        files.put(
                "kustomization.yaml",
                header() + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                        + "  - kafka-topics.yaml\n  - kafka-users.yaml\n  - services.yaml\n");
        return files;
    }

    private static String header() {
        return "# Written by ./stack manifests from the services' application.properties; do not edit by hand.\n";
    }

    private static String topics(List<KafkaAccess.ServiceTopics> services) {
        Set<String> topics = new TreeSet<>();
        Set<String> compacted = new TreeSet<>();
        services.forEach(s -> {
            topics.addAll(s.published());
            topics.addAll(s.deadLetter());
            compacted.addAll(s.compacted());
        });
        StringBuilder out = new StringBuilder(header());
        for (String topic : topics) {
            out.append("---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: ")
                    .append(topic.replace('.', '-').toLowerCase(Locale.ROOT))
                    .append("\n  labels:\n    strimzi.io/cluster: ")
                    .append(CLUSTER)
                    .append("\nspec:\n  topicName: ")
                    .append(topic)
                    .append("\n  partitions: 3\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n")
                    // a state topic keeps each resource's latest snapshot until its tombstone (ADR 0022)
                    .append(
                            compacted.contains(topic)
                                    ? "    cleanup.policy: compact\n"
                                    : "    retention.ms: " + RETENTION_MS + "\n");
        }
        return out.toString();
    }

    private static String users(KafkaAccess access) {
        StringBuilder out = new StringBuilder(header());
        for (String principal : access.principals()) {
            out.append("---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaUser\nmetadata:\n  name: ")
                    .append(principal)
                    .append("\n  labels:\n    strimzi.io/cluster: ")
                    .append(CLUSTER)
                    .append("\nspec:\n  authentication:\n    type: scram-sha-512\n  authorization:\n")
                    .append("    type: simple\n    acls:\n");
            for (AclBinding binding : access.bindings()) {
                if (!binding.entry().principal().equals("User:" + principal)) {
                    continue;
                }
                out.append("      - resource:\n          type: ")
                        .append(binding.pattern().resourceType() == ResourceType.GROUP ? "group" : "topic")
                        .append("\n          name: ")
                        .append(binding.pattern().name())
                        .append("\n          patternType: ")
                        .append(binding.pattern().patternType() == PatternType.PREFIXED ? "prefix" : "literal")
                        .append("\n        operations: [")
                        .append(capitalised(binding.entry().operation().name()))
                        .append("]\n        host: \"*\"\n");
            }
        }
        return out.toString();
    }

    private static String capitalised(String operation) {
        return operation.charAt(0) + operation.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String deployments() {
        StringBuilder out = new StringBuilder(header());
        out.append(
                        "# Before applying: Secrets peering-<service>-db (key jdbc-url) for each service's database, and the\n")
                .append(
                        "# ConfigMap peering-jwt (key public-key.pem) with the token issuer's public key. Strimzi makes\n")
                .append("# each service's KafkaUser secret (sasl.jaas.config) and the cluster CA secret.\n");
        for (ServiceSpec service : ServiceSpec.ALL) {
            out.append(deployment(service, true));
        }
        out.append(deployment(ServiceSpec.GATEWAY, false));
        return out.toString();
    }

    private static String deployment(ServiceSpec service, boolean backend) {
        String name = service.module();
        int port = service.defaultPort();
        StringBuilder env = new StringBuilder();
        env.append(envValue("QUARKUS_HTTP_PORT", String.valueOf(port)));
        if (backend) {
            env.append(envValue("KAFKA_BOOTSTRAP_SERVERS", CLUSTER + "-kafka-bootstrap:9093"))
                    .append(envValue("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"))
                    .append(envValue("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"))
                    .append(envSecret("KAFKA_SASL_JAAS_CONFIG", name, "sasl.jaas.config"))
                    .append(envValue("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12"))
                    .append(envValue("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"))
                    .append(envSecret("KAFKA_SSL_TRUSTSTORE_PASSWORD", CLUSTER + "-cluster-ca-cert", "ca.password"))
                    .append(envValue("PEERING_TOPICS_REPLICATION_FACTOR", "3"))
                    .append(envValue("PEERING_TOPICS_MIN_INSYNC_REPLICAS", "2"))
                    .append(envSecret("QUARKUS_DATASOURCE_JDBC_URL", "peering-" + name + "-db", "jdbc-url"))
                    .append(envSecret("QUARKUS_DATASOURCE_USERNAME", "peering-" + name + "-db", "username"))
                    .append(envSecret("QUARKUS_DATASOURCE_PASSWORD", "peering-" + name + "-db", "password"))
                    .append(envValue("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:/etc/peering/jwt/public-key.pem"));
        } else {
            for (ServiceSpec routed : ServiceSpec.ALL) {
                env.append(envValue(
                        "PEERING_GATEWAY_ROUTES_"
                                + routed.module().toUpperCase(Locale.ROOT).replace('-', '_'),
                        "http://" + routed.module() + ":" + routed.defaultPort()));
            }
        }
        String mounts = backend
                ? "          volumeMounts:\n"
                        + "            - {name: jwt, mountPath: /etc/peering/jwt, readOnly: true}\n"
                        + "            - {name: kafka-ca, mountPath: /etc/kafka-ca, readOnly: true}\n"
                : "";
        String volumes = backend
                ? "      volumes:\n"
                        + "        - name: jwt\n"
                        + "          configMap: {name: peering-jwt}\n"
                        + "        - name: kafka-ca\n"
                        + "          secret: {secretName: " + CLUSTER + "-cluster-ca-cert}\n"
                : "";
        return """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: @NAME@
                  labels: {app.kubernetes.io/name: @NAME@, app.kubernetes.io/part-of: peering}
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app.kubernetes.io/name: @NAME@}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: @NAME@, app.kubernetes.io/part-of: peering}
                    spec:
                      containers:
                        - name: @NAME@
                          image: @IMAGE@
                          ports:
                            - {name: http, containerPort: @PORT@}
                          env:
                @ENV@\
                          resources:
                            requests: {cpu: 250m, memory: 384Mi}
                            limits: {memory: 512Mi}
                          startupProbe:
                            httpGet: {path: /q/health/started, port: http}
                            periodSeconds: 5
                            failureThreshold: 60
                          readinessProbe:
                            httpGet: {path: /q/health/ready, port: http}
                            periodSeconds: 5
                          livenessProbe:
                            httpGet: {path: /q/health/live, port: http}
                            periodSeconds: 10
                            failureThreshold: 3
                @MOUNTS@\
                @VOLUMES@\
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: @NAME@
                  labels: {app.kubernetes.io/name: @NAME@, app.kubernetes.io/part-of: peering}
                spec:
                  selector: {app.kubernetes.io/name: @NAME@}
                  ports:
                    - {name: http, port: @PORT@, targetPort: http}
                """
                .replace("@NAME@", name)
                .replace("@IMAGE@", IMAGE_PREFIX + name + ":" + TAG)
                .replace("@PORT@", String.valueOf(port))
                .replace("@ENV@", env.toString())
                .replace("@MOUNTS@", mounts)
                .replace("@VOLUMES@", volumes);
    }

    private static String envValue(String name, String value) {
        return "            - {name: " + name + ", value: \"" + value + "\"}\n";
    }

    private static String envSecret(String name, String secret, String key) {
        return "            - name: " + name + "\n              valueFrom: {secretKeyRef: {name: " + secret + ", key: "
                + key + "}}\n";
    }
}
