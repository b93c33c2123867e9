package dev.peering.faultsuite.stack;

import dev.peering.localinfra.ChildProcess;
import dev.peering.localinfra.PostgresServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The faults of PostgreSQL: crashed (immediate shutdown) and its postmaster killed, each then restarted. */
public final class PostgresFaults {

    private final PostgresServer postgres;

    PostgresFaults(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** Crashes PostgreSQL, leaves it down for {@code down}, starts it again (with crash recovery). */
    public void restart(Duration down) throws IOException, InterruptedException {
        postgres.crash();
        TimeUnit.MILLISECONDS.sleep(down.toMillis());
        postgres.start();
    }

    /**
     * kill -9 of PostgreSQL's postmaster: no shutdown at all. Its children (backends, checkpointer, ...)
     * notice the postmaster's death and exit; a new postmaster refuses to start while any of them still holds
     * the old shared memory, so the restart waits for them, then starts the server (crash recovery).
     */
    public void kill(Duration down) throws IOException, InterruptedException {
        long pid = postgres.pid();
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL postmaster with pid " + pid));
        List<ProcessHandle> children = postmaster.descendants().toList();
        ChildProcess.signal("KILL", pid);
        awaitExit(postmaster, "the PostgreSQL postmaster (pid " + pid + ")");
        for (ProcessHandle child : children) {
            awaitExit(child, "PostgreSQL child process " + child.pid() + " of the killed postmaster");
        }
        try {
            // Releases zonky's lock on the folder; its pg_ctl stop finds no server.
            postgres.stop();
        } catch (IOException | RuntimeException e) {
            System.out.println("[suite] releasing the killed PostgreSQL: " + e);
        }
        TimeUnit.MILLISECONDS.sleep(down.toMillis());
        postgres.start();
    }

    private static void awaitExit(ProcessHandle process, String what) throws InterruptedException {
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(what + " did not exit within 60 s", e);
        }
    }
}
