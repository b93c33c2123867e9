package dev.peering.localstack;

import dev.peering.localinfra.KafkaAccess;
import dev.peering.tokens.Tokens;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console in the local stack: whether it is built, and its environment: the gateway's URL for the APIs,
 * the stack's public key to verify tokens with, its private key for the demo-token button (the local profile
 * only), and the Kafka settings of the read-only {@code watch} principal on a secured broker.
 */
final class ConsoleLaunch {

    private ConsoleLaunch() {}

    static boolean built(StackOptions options) {
        return Files.isRegularFile(ServiceSpec.CONSOLE.runnerJar(options.root()));
    }

    static Map<String, String> environment(StackOptions options, String bootstrapServers, StackKafkaSecurity security) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (security != null) {
            environment.putAll(security.environment(KafkaAccess.WATCH, bootstrapServers));
        }
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("QUARKUS_PROFILE", "local");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(options.port(ServiceSpec.CONSOLE.module())));
        environment.put("PEERING_CONSOLE_API_URL", "http://localhost:" + options.port(ServiceSpec.GATEWAY.module()));
        environment.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                options.keyDir().resolve(Tokens.PUBLIC_KEY_FILE).toUri().toString());
        environment.put(
                "PEERING_CONSOLE_DEMO_TOKENS_PRIVATE_KEY",
                options.keyDir().resolve(Tokens.PRIVATE_KEY_FILE).toString());
        return environment;
    }
}
