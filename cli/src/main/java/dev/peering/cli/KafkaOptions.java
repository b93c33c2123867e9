package dev.peering.cli;

import dev.peering.core.KafkaClientSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How {@code watch} reaches Kafka: any Kafka client setting ({@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}, {@code client.id}, ...) from a properties file and from the command line, so the observer
 * reads a secured cluster as the services do.
 */
final class KafkaOptions {

    static final String CONFIG_ENV = "PEERING_KAFKA_CONFIG";

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description =
                    "Kafka (default: the config file's bootstrap.servers, else env PEERING_KAFKA_BOOTSTRAP_SERVERS"
                            + " or KAFKA_BOOTSTRAP_SERVERS, else localhost:9092).")
    String bootstrapServers;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description = "Kafka client settings from a properties file, names with or without the kafka. prefix"
                    + " (env " + CONFIG_ENV + "); ./stack up --kafka-security sasl_ssl writes one per principal in"
                    + " .stack-data/kafka-security/clients/.")
    Path configFile;

    @Option(
            names = "--kafka-property",
            paramLabel = "NAME=VALUE",
            description = "One Kafka client setting, over the file's, e.g. security.protocol=SASL_SSL (repeatable).")
    List<String> properties;

    /** The settings the options and the environment give, {@code bootstrap.servers} always among them. */
    KafkaClientSettings settings(Map<String, String> env) {
        KafkaClientSettings settings = KafkaClientSettings.empty();
        Path file = configFile != null ? configFile : env.containsKey(CONFIG_ENV) ? Path.of(env.get(CONFIG_ENV)) : null;
        if (file != null) {
            try {
                settings = KafkaClientSettings.load(file);
            } catch (IOException e) {
                throw CliFailure.usage("cannot read the Kafka client settings in " + file + ": " + e.getMessage());
            }
        }
        for (String assignment : properties == null ? List.<String>of() : properties) {
            try {
                Map.Entry<String, String> setting = KafkaClientSettings.parseAssignment(assignment);
                settings = settings.with(setting.getKey(), setting.getValue());
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage("--kafka-property: " + e.getMessage());
            }
        }
        String servers = bootstrapServers != null
                ? bootstrapServers
                : settings.bootstrapServers(first(
                        env.get("PEERING_KAFKA_BOOTSTRAP_SERVERS"),
                        env.get("KAFKA_BOOTSTRAP_SERVERS"),
                        KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS));
        return settings.with(KafkaClientSettings.BOOTSTRAP_SERVERS, servers);
    }

    private static String first(String a, String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }
}
