package dev.peering.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"peering-service\" password=\"s3cret\";";

    @Test
    void environmentVariablesAreNamedAsQuarkusNamesThemForAService() {
        KafkaClientSettings settings = KafkaClientSettings.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:19092",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/tmp/truststore.p12",
                "KAFKA_", "nothing",
                "PATH", "/usr/bin"));

        assertEquals(
                Map.of(
                        "bootstrap.servers", "localhost:19092",
                        "sasl.jaas.config", JAAS,
                        "ssl.truststore.location", "/tmp/truststore.p12"),
                settings.asMap());
    }

    @Test
    void theEnvironmentSpellingIsTheInverseOfTheReading() {
        KafkaClientSettings settings = KafkaClientSettings.of(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/data/kafka-security/truststore.p12"));

        Map<String, String> environment = settings.toEnvironment();

        assertEquals("SASL_SSL", environment.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals(settings, KafkaClientSettings.fromEnvironment(environment));
        assertThrows(IllegalArgumentException.class, () -> KafkaClientSettings.of(Map.of("some_plugin.key", "x"))
                .toEnvironment());
    }

    @Test
    void aPropertiesFileMayNameSettingsWithOrWithoutTheKafkaPrefix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(
                file,
                KafkaClientSettings.of(Map.of("sasl.jaas.config", JAAS, "ssl.truststore.location", "C:\\certs\\t.p12"))
                                .toPropertiesText("written by the test")
                        + "kafka.security.protocol=SASL_SSL\n");

        KafkaClientSettings settings = KafkaClientSettings.load(file);

        assertEquals(
                Map.of(
                        "sasl.jaas.config", JAAS,
                        "ssl.truststore.location", "C:\\certs\\t.p12",
                        "security.protocol", "SASL_SSL"),
                settings.asMap());
    }

    @Test
    void laterSettingsWinAndTheBootstrapServersHaveAFallback() {
        KafkaClientSettings file = KafkaClientSettings.of(Map.of("bootstrap.servers", "a:1", "client.id", "x"));
        KafkaClientSettings merged = file.with(KafkaClientSettings.of(Map.of("kafka.client.id", "y")))
                .with("kafka.security.protocol", "SSL");

        assertEquals(Map.of("bootstrap.servers", "a:1", "client.id", "y", "security.protocol", "SSL"), merged.asMap());
        assertEquals("a:1", merged.bootstrapServers("localhost:9092"));
        assertEquals("localhost:9092", KafkaClientSettings.empty().bootstrapServers("localhost:9092"));
    }

    @Test
    void anAssignmentFromTheCommandLineIsNameEqualsValue() {
        assertEquals(
                Map.entry("sasl.jaas.config", "a=b;"),
                KafkaClientSettings.parseAssignment("kafka.sasl.jaas.config=a=b;"));
        assertThrows(IllegalArgumentException.class, () -> KafkaClientSettings.parseAssignment("SASL_SSL"));
        assertThrows(IllegalArgumentException.class, () -> KafkaClientSettings.parseAssignment("=SASL_SSL"));
    }

    @Test
    void passwordsAndTheJaasConfigurationAreNeverShown() {
        String shown = KafkaClientSettings.of(Map.of(
                        "sasl.jaas.config", JAAS,
                        "ssl.truststore.password", "trust-me",
                        "security.protocol", "SASL_SSL"))
                .toString();

        assertFalse(shown.contains("s3cret"), shown);
        assertFalse(shown.contains("trust-me"), shown);
        assertTrue(shown.contains("security.protocol=SASL_SSL"), shown);
    }
}
