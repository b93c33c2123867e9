package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theFileNamedByTheEnvironmentGivesEverySettingAndTheCommandLineWins() throws Exception {
        Path file = dir.resolve("watch.properties");
        Files.writeString(
                file,
                """
                bootstrap.servers=localhost:19092
                security.protocol=SASL_SSL
                kafka.sasl.mechanism=SCRAM-SHA-512
                ssl.truststore.location=/data/kafka-security/truststore.p12
                """);
        KafkaOptions options = new KafkaOptions();
        options.properties = List.of("client.id=noc-watch", "kafka.sasl.mechanism=SCRAM-SHA-256");

        Map<String, String> settings = options.settings(
                        Map.of(KafkaOptions.CONFIG_ENV, file.toString(), "KAFKA_BOOTSTRAP_SERVERS", "other:9092"))
                .asMap();

        assertEquals(
                Map.of(
                        "bootstrap.servers", "localhost:19092",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-256",
                        "ssl.truststore.location", "/data/kafka-security/truststore.p12",
                        "client.id", "noc-watch"),
                settings);
    }

    @Test
    void theBrokerComesFromTheOptionThenTheFileThenTheEnvironment() throws Exception {
        KafkaOptions none = new KafkaOptions();
        assertEquals("localhost:9092", none.settings(Map.of()).bootstrapServers(null));
        assertEquals(
                "env:1",
                none.settings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:1")).bootstrapServers(null));
        assertEquals(
                "peering:1",
                none.settings(Map.of(
                                "PEERING_KAFKA_BOOTSTRAP_SERVERS", "peering:1", "KAFKA_BOOTSTRAP_SERVERS", "env:1"))
                        .bootstrapServers(null));

        KafkaOptions option = new KafkaOptions();
        option.bootstrapServers = "option:1";
        option.properties = List.of("bootstrap.servers=property:1");
        assertEquals("option:1", option.settings(Map.of()).bootstrapServers(null));
    }

    @Test
    void anUnreadableFileOrABadPropertyIsAUsageError() {
        KafkaOptions missing = new KafkaOptions();
        missing.configFile = dir.resolve("nope.properties");
        CliFailure failure = assertThrows(CliFailure.class, () -> missing.settings(Map.of()));
        assertEquals(ExitCodes.USAGE, failure.exitCode());

        KafkaOptions bad = new KafkaOptions();
        bad.properties = List.of("SASL_SSL");
        assertEquals(
                ExitCodes.USAGE,
                assertThrows(CliFailure.class, () -> bad.settings(Map.of())).exitCode());
    }
}
