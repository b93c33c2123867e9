package dev.peering.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings every Kafka client the project makes outside a Quarkus service takes (the CLI's {@code
 * watch}, the local stack, the test readers): {@code bootstrap.servers}, {@code security.protocol}, {@code
 * sasl.*}, {@code ssl.*}, {@code client.id} and any other Kafka client setting, named as Kafka names them.
 * They are read with the rules the services follow (Quarkus's default Kafka configuration): {@code
 * kafka.x.y} in a properties file and {@code KAFKA_X_Y} in the environment both mean {@code x.y}.
 * Immutable; {@link #toString()} hides passwords.
 */
public final class KafkaClientSettings {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    private static final String PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KAFKA_";

    private final Map<String, String> settings;

    private KafkaClientSettings(Map<String, String> settings) {
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    public static KafkaClientSettings empty() {
        return new KafkaClientSettings(Map.of());
    }

    /** Settings named as Kafka names them; a {@code kafka.} prefix is taken off. */
    public static KafkaClientSettings of(Map<String, String> settings) {
        Map<String, String> stripped = new LinkedHashMap<>();
        settings.forEach((name, value) -> stripped.put(strip(name), value));
        return new KafkaClientSettings(stripped);
    }

    /**
     * A properties file: a Kafka client's own ({@code security.protocol=SASL_SSL}, as {@code
     * kafka-console-consumer --consumer.config} takes) or a service's ({@code kafka.security.protocol=...}).
     */
    public static KafkaClientSettings load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return of(settings);
    }

    /**
     * The {@code KAFKA_*} variables of {@code environment}, named as Quarkus names them for a service:
     * {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}.
     */
    public static KafkaClientSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                settings.put(
                        name.substring(ENV_PREFIX.length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '.'),
                        value);
            }
        });
        return new KafkaClientSettings(settings);
    }

    /** {@code name=value}, as a command line gives one setting; a {@code kafka.} prefix is taken off. */
    public static Map.Entry<String, String> parseAssignment(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(
                    "a Kafka setting is name=value (e.g. security.protocol=SASL_SSL), not '" + assignment + "'");
        }
        return Map.entry(strip(assignment.substring(0, equals).trim()), assignment.substring(equals + 1));
    }

    /** These settings, then {@code overrides} over them. */
    public KafkaClientSettings with(KafkaClientSettings overrides) {
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.putAll(overrides.settings);
        return new KafkaClientSettings(merged);
    }

    public KafkaClientSettings with(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.put(strip(name), value);
        return new KafkaClientSettings(merged);
    }

    /** {@code bootstrap.servers}, or {@code fallback} when it is not set. */
    public String bootstrapServers(String fallback) {
        return settings.getOrDefault(BOOTSTRAP_SERVERS, fallback);
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    /** The settings as a Kafka client's constructor takes them, for the caller to add its own to. */
    public Map<String, Object> clientProperties() {
        return new LinkedHashMap<>(settings);
    }

    public Map<String, String> asMap() {
        return settings;
    }

    /**
     * As environment variables of a Quarkus service ({@code KAFKA_SECURITY_PROTOCOL}), the inverse of {@link
     * #fromEnvironment}; a name holding {@code _} or {@code -} has no such spelling and is refused.
     */
    public Map<String, String> toEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (name.contains("_") || name.contains("-")) {
                throw new IllegalArgumentException("no environment variable spells the Kafka setting " + name);
            }
            environment.put(ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_'), value);
        });
        return environment;
    }

    /** The settings as a Kafka client properties file, every line {@code name=value}. */
    public String toPropertiesText(String comment) {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        settings.forEach((name, value) -> text.append(name)
                .append('=')
                .append(value.replace("\\", "\\\\"))
                .append('\n'));
        return text.toString();
    }

    private static String strip(String name) {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    static boolean isSecret(String name) {
        return name.contains("password") || name.equals("sasl.jaas.config") || name.endsWith(".key");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaClientSettings that && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((name, value) -> shown.put(name, isSecret(name) ? "***" : value));
        return shown.toString();
    }
}
