package dev.peering.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL from embedded binaries, on a free port, in a new data directory per run. Each
 * Quarkus application started with this resource gets a database of its own, so test classes never
 * see each other's rows.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The PostgreSQL server of this JVM, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(PostgresTestResource::shutdown, "postgres-test-shutdown"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test PostgreSQL", e);
            }
        }
        return postgres;
    }

    // Quarkus loads this class again for each application start; the property shares one server JVM-wide.
    private static final String SHARED_PORT = "peering.test.postgres.port";

    /** The port of this JVM's PostgreSQL, started on first use. */
    static synchronized int port() {
        String shared = System.getProperty(SHARED_PORT);
        if (shared != null) {
            return Integer.parseInt(shared);
        }
        int port = server().getPort();
        System.setProperty(SHARED_PORT, Integer.toString(port));
        return port;
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public static String newDatabase() {
        // the counter is per class loader, the pid and a random part make names unique JVM-wide
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet() + "_"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        String base = "jdbc:postgresql://localhost:" + port() + "/";
        try (Connection c = java.sql.DriverManager.getConnection(base + "postgres", "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return base + name;
    }

    private static synchronized void shutdown() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is exiting
            }
            postgres = null;
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", newDatabase(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // shared by the JVM; closed when it exits
    }
}
