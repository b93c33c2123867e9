package dev.peering.faultsuite.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real PostgreSQL from the zonky binaries that can be crashed and started again on its data folder. */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final Path log;
    private final int port;
    private EmbeddedPostgres server;

    PostgresServer(Path dataDir, Path log, int port) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the server, running initdb when the folder holds no cluster yet. Never zonky's "clean data
     * directory": that would delete the cluster when the server is closed.
     */
    synchronized void start() throws IOException {
        Files.createDirectories(log.getParent());
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                // The C locale exists everywhere; initdb fails on a LANG the machine lacks.
                .setLocaleConfig("locale", "C")
                // A restart must lose nothing that was committed, so the server syncs as in production.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
    }

    void createDatabases(List<String> names) throws SQLException {
        try (Connection connection = connect("postgres");
                Statement create = connection.createStatement()) {
            for (String name : names) {
                // Database names are the suite's own constants.
                create.execute("CREATE DATABASE " + name);
            }
        }
    }

    /**
     * SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, no checkpoint, crash recovery at the
     * next start; every open connection of every service breaks at once.
     */
    synchronized void crash() throws IOException, InterruptedException {
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ChildProcess.signal("QUIT", pid);
        ProcessHandle.of(pid).ifPresent(handle -> {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop", e);
            }
        });
        // Releases zonky's lock on the folder; its pg_ctl stop finds no server and only logs that.
        server.close();
        server = null;
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }
}
