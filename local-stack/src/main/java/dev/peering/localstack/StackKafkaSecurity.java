package dev.peering.localstack;

import dev.peering.localinfra.KafkaAccess;
import dev.peering.localinfra.KafkaCluster;
import dev.peering.localinfra.KafkaSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * {@code ./stack up --kafka-security sasl_ssl}: the broker's credentials, certificates and ACLs for the
 * four services, planned from each service's own {@code application.properties} (the packaged one, or
 * the source when the service is not built), and the Kafka settings each service is started with.
 */
final class StackKafkaSecurity {

    private static final Duration GRANT_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaAccess access;
    private final KafkaSecurity security;

    private StackKafkaSecurity(KafkaAccess access, KafkaSecurity security) {
        this.access = access;
        this.security = security;
    }

    /** Makes what the data folder lacks: a password per principal, the certificates. */
    static StackKafkaSecurity prepare(StackOptions options) throws IOException {
        List<KafkaAccess.ServiceTopics> services = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            applicationProperties(options.root(), service)
                    .ifPresent(config -> services.add(KafkaAccess.ServiceTopics.of(service.module(), config)));
        }
        KafkaAccess access = new KafkaAccess(services);
        return new StackKafkaSecurity(access, KafkaSecurity.prepare(options.dataDir(), access.principals()));
    }

    KafkaSecurity security() {
        return security;
    }

    /** Once the broker is up: the credentials and ACLs, then the client files with today's address. */
    void grant(KafkaCluster kafka) throws IOException, InterruptedException {
        security.grant(kafka.clientSettings(), access, GRANT_TIMEOUT);
        security.writeClientFiles(kafka.bootstrapServers());
        System.out.println("  Kafka is SASL_SSL (SCRAM-SHA-512); client settings per principal in "
                + security.dir().resolve("clients") + ", the CA in "
                + security.dir().resolve("ca.crt"));
        access.describe().forEach((principal, rights) -> System.out.printf("    %-24s %s%n", principal, rights));
    }

    /** The {@code KAFKA_*} variables that give {@code service} its own principal. */
    Map<String, String> environment(ServiceSpec service, String bootstrapServers) {
        return environment(service.module(), bootstrapServers);
    }

    /** The {@code KAFKA_*} variables of {@code principal} (a service's module, or {@code watch} for the console). */
    Map<String, String> environment(String principal, String bootstrapServers) {
        return security.clientSettings(principal, bootstrapServers).toEnvironment();
    }

    /** The {@code application.properties} the service runs with: in its packaged jar, else in its source. */
    static Optional<Properties> applicationProperties(Path root, ServiceSpec service) throws IOException {
        Path appDir = root.resolve(service.module()).resolve("target/quarkus-app/app");
        if (Files.isDirectory(appDir)) {
            try (Stream<Path> jars = Files.list(appDir)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        ZipEntry entry = file.getEntry("application.properties");
                        if (entry != null) {
                            Properties config = new Properties();
                            try (InputStream in = file.getInputStream(entry)) {
                                config.load(in);
                            }
                            return Optional.of(config);
                        }
                    }
                }
            }
        }
        Path source = root.resolve(service.module()).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(source)) {
            config.load(reader);
        }
        return Optional.of(config);
    }
}
