package dev.peering.localstack;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The gateway in the local stack: whether it is built, and where it finds the services of this stack. */
final class GatewayLaunch {

    private GatewayLaunch() {}

    static boolean built(StackOptions options) {
        return Files.isRegularFile(ServiceSpec.GATEWAY.runnerJar(options.root()));
    }

    /**
     * Its port and the URLs of each service's instances ({@code peering.gateway.routes.<service>}, which it
     * takes turns among); no database, no Kafka.
     */
    static Map<String, String> environment(StackOptions options) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_PROFILE", "local");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(options.port(ServiceSpec.GATEWAY.module())));
        for (ServiceSpec service : ServiceSpec.ALL) {
            environment.put(
                    "PEERING_GATEWAY_ROUTES_"
                            + service.module().toUpperCase(Locale.ROOT).replace('-', '_'),
                    String.join(
                            ",",
                            ServiceInstance.of(service, options.instances()).stream()
                                    .map(instance -> instance.url(options))
                                    .toList()));
        }
        return environment;
    }
}
