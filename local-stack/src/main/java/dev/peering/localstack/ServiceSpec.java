package dev.peering.localstack;

import java.nio.file.Path;
import java.util.List;

/** One of the four services (or the gateway or the console, which have no database): its Maven module, its database and its default HTTP port. */
record ServiceSpec(String module, String database, int defaultPort) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("asn-validation-service", "asn_validation", 8081),
            new ServiceSpec("peering-service", "peering", 8082),
            new ServiceSpec("connection-service", "connection", 8083),
            new ServiceSpec("registration-service", "registration", 8084));

    /** The front door, started once the services are ready. */
    static final ServiceSpec GATEWAY = new ServiceSpec("gateway", null, 8080);

    /** The web console, which calls the gateway and reads the topics; no database. */
    static final ServiceSpec CONSOLE = new ServiceSpec("console", null, 8090);

    static List<String> databases() {
        return ALL.stream().map(ServiceSpec::database).toList();
    }

    Path runnerJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
