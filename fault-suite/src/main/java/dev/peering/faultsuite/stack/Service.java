package dev.peering.faultsuite.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the four services as the suite runs it: its module, its database and its incoming channels
 * (whose session timeout the suite may lower).
 */
public enum Service {
    ASN("asn-validation-service", "asn_validation", List.of("peering-events")),
    PEERING("peering-service", "peering", List.of("peer-asn-events", "connection-events")),
    CONNECTION("connection-service", "connection", List.of("peering-events")),
    REGISTRATION("registration-service", "registration", List.of("peering-events", "connection-events"));

    private final String module;
    private final String database;
    private final List<String> channels;

    Service(String module, String database, List<String> channels) {
        this.module = module;
        this.database = database;
        this.channels = channels;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public List<String> channels() {
        return channels;
    }

    /** The name each consumer writes into its {@code consumed_event} table. */
    public String consumer(String channel) {
        return module + "." + channel;
    }

    Path runnerJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
