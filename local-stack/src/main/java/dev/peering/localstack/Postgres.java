package dev.peering.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real PostgreSQL server from the zonky binaries, keeping its data between runs. */
final class Postgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private Postgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    static Postgres start(Path dataDir, int port, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The launcher stops PostgreSQL itself, after the services that use it.
                .setRegisterShutdownHook(false)
                // The C locale exists everywhere; initdb fails on a LANG the machine lacks.
                .setLocaleConfig("locale", "C")
                // zonky turns fsync off for tests; the local stack keeps data a person relies on, so on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
        return new Postgres(server, dataDir);
    }

    /** Creates each database that does not exist yet; returns the ones it created. */
    List<String> createDatabases(List<String> names) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = connection.createStatement()) {
            List<String> created = new ArrayList<>();
            for (String name : names) {
                exists.setString(1, name);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        continue;
                    }
                }
                // Database names are our own constants, never user input.
                create.execute("CREATE DATABASE " + name);
                created.add(name);
            }
            return created;
        }
    }

    /** The postmaster's pid: pg_ctl detaches it, so it is no child of ours. */
    long pid() {
        try {
            return Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL started but wrote no readable postmaster.pid", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
