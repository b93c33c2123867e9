package dev.peering.faultsuite.stack;

import dev.peering.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts PostgreSQL's connections by who holds them ({@code application_name}, which the stack sets to
 * each instance's name, or the backend type for the server's own processes), once a second for the whole
 * run, so that a run which meets {@code too many clients} says who held them. One connection of its own,
 * opened again after PostgreSQL restarts.
 */
public final class ConnectionCensus implements AutoCloseable {

    private static final String QUERY = "select coalesce(nullif(application_name, ''), backend_type, '?'), count(*)"
            + " from pg_stat_activity group by 1";

    private final PostgresServer postgres;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "connection-census");
        t.setDaemon(true);
        return t;
    });
    private Connection connection;
    private long samples;
    private long refused;
    private String firstRefusal;
    private int peak;
    private Instant peakAt;
    private Map<String, Integer> atPeak = Map.of();
    private final Map<String, Integer> mostByHolder = new TreeMap<>();

    private ConnectionCensus(PostgresServer postgres) {
        this.postgres = postgres;
    }

    public static ConnectionCensus start(PostgresServer postgres, Duration every) {
        ConnectionCensus census = new ConnectionCensus(postgres);
        census.timer.scheduleWithFixedDelay(census::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return census;
    }

    private synchronized void sample() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = postgres.connect("postgres");
            }
            Map<String, Integer> now = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(QUERY)) {
                while (rs.next()) {
                    now.put(rs.getString(1), rs.getInt(2));
                }
            }
            samples++;
            int total = now.values().stream().mapToInt(Integer::intValue).sum();
            if (total > peak) {
                peak = total;
                peakAt = Instant.now();
                atPeak = now;
            }
            now.forEach((holder, n) -> mostByHolder.merge(holder, n, Math::max));
        } catch (SQLException e) {
            if ("53300".equals(e.getSQLState())) { // too_many_connections
                refused++;
                if (firstRefusal == null) {
                    firstRefusal = LocalTime.ofInstant(Instant.now(), ZoneId.systemDefault())
                                    .truncatedTo(ChronoUnit.SECONDS)
                            + " " + e.getMessage();
                }
            }
            closeQuietly();
        }
    }

    /** Lines for the run's findings: the peak, who held it, and the most each holder held at once. */
    public synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("PostgreSQL connections: " + samples + " samples, at most " + peak
                + (peakAt == null
                        ? ""
                        : " at "
                                + LocalTime.ofInstant(peakAt, ZoneId.systemDefault())
                                        .truncatedTo(ChronoUnit.SECONDS))
                + " (" + atPeak + ")");
        lines.add("PostgreSQL connections, the most each holder had at once: " + mostByHolder);
        if (refused > 0) {
            lines.add("PostgreSQL refused the census " + refused + " times (too many clients), first " + firstRefusal);
        }
        return lines;
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the server is gone; nothing to release
            }
            connection = null;
        }
    }
}
