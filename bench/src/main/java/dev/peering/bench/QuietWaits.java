package dev.peering.bench;

import static dev.peering.bench.Progress.say;

import dev.peering.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's waits for a quiet stack before each loaded phase and before the REST runs, so that what one
 * phase left behind does not count against the next; records how long each took.
 */
final class QuietWaits {

    static final int QUIET_TIMEOUT_SECONDS = 240;

    private final BenchOptions options;
    private final EventWatcher watcher;
    private final List<Map<String, Object>> waits = new ArrayList<>();

    QuietWaits(BenchOptions options, EventWatcher watcher) {
        this.options = options;
        this.watcher = watcher;
    }

    /** Each wait, in order: how many seconds it took and whether the stack got quiet. */
    List<Map<String, Object>> waits() {
        return waits;
    }

    /**
     * Waits until the stack has finished what the last phase left it (workflows that gave up on the client
     * side go on in the services): no change in the outbox rows and applied events of the four databases nor in
     * the connection topic for 3 s
     * in a row, at most {@link #QUIET_TIMEOUT_SECONDS}; records how long it took.
     */
    void quiet() throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(QUIET_TIMEOUT_SECONDS);
        long last = -1;
        int stable = 0;
        while (stable < 3 && System.nanoTime() < deadline) {
            long now = activity();
            stable = now == last ? stable + 1 : 0;
            last = now;
            if (stable < 3) {
                TimeUnit.SECONDS.sleep(1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean reached = stable >= 3;
        waits.add(Map.of("seconds", seconds, "quiet", reached));
        say("stack quiet after " + Report.number(seconds) + " s" + (reached ? "" : " (gave up waiting)"));
    }

    /** Events on the four topics plus events applied in the four inboxes: grows while anything is in flight. */
    private long activity() throws Exception {
        long total = 0;
        for (String service : StackRunner.SERVICES) {
            try (Connection c = DriverManager.getConnection(
                            options.jdbcUrl(StackRunner.DATABASES.get(service)),
                            PostgresServer.USER,
                            PostgresServer.PASSWORD);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "select (select count(*) from consumed_event) * 1000003 + (select count(*) from outbox_event)")) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        return total + watcher.seen();
    }
}
