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

    /** Creates a new empty database and returns its JDBC URL. */
    public static String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
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
