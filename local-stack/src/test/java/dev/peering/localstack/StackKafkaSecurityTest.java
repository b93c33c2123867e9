package dev.peering.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackKafkaSecurityTest {

    @Test
    void theStackIsPlaintextUnlessAskedOtherwise() {
        assertFalse(StackOptions.parse(new String[] {"up"}, Map.of()).kafkaSecured());
        assertTrue(StackOptions.parse(new String[] {"up", "--kafka-security", "sasl_ssl"}, Map.of())
                .kafkaSecured());
        assertTrue(StackOptions.parse(new String[] {"up"}, Map.of("STACK_KAFKA_SECURITY", "SASL_SSL"))
                .kafkaSecured());
        assertFalse(StackOptions.parse(
                        new String[] {"up", "--kafka-security", "plaintext"},
                        Map.of("STACK_KAFKA_SECURITY", "sasl_ssl"))
                .kafkaSecured());
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> StackOptions.parse(new String[] {"up", "--kafka-security", "ssl"}, Map.of()));
        assertEquals("--kafka-security takes 'plaintext' or 'sasl_ssl', not 'ssl'", refused.getMessage());
    }

    @Test
    void aServicesKafkaRightsComeFromItsOwnApplicationProperties(@TempDir Path dataDir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ServiceSpec connection = ServiceSpec.ALL.get(2);

        Properties config =
                StackKafkaSecurity.applicationProperties(root, connection).orElseThrow();
        StackKafkaSecurity security = StackKafkaSecurity.prepare(StackOptions.parse(
                new String[] {"up", "--root", root.toString(), "--data-dir", dataDir.toString()}, Map.of()));
        Map<String, String> environment = security.environment(connection, "localhost:19092");

        assertEquals("peering.connection-events", config.getProperty("peering.outbox.topic"));
        assertEquals("SASL_SSL", environment.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", environment.get("KAFKA_SASL_MECHANISM"));
        assertTrue(environment.get("KAFKA_SASL_JAAS_CONFIG").contains("username=\"connection-service\""));
        assertEquals(
                dataDir.resolve("kafka-security/truststore.p12").toString(),
                environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertEquals(
                java.util.Set.of(
                        "admin",
                        "asn-validation-service",
                        "peering-service",
                        "connection-service",
                        "registration-service",
                        "watch"),
                security.security().principals());
    }
}
