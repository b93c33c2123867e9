package dev.peering.faultsuite.drive;

import dev.peering.faultsuite.stack.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** Starts the workflows at a steady rate over a period, many running at once, and waits for them all. */
public final class Driver {

    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    private Driver(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "workflow");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts {@code count} workflows spread evenly over {@code spread}; returns at once. Every workflow
     * gets its own thread: they spend their time waiting on the services. {@code urls} gives the base URL of a
     * service for workflow number n (with several instances of a service, the workflows are spread over them).
     */
    public static Driver start(
            int count,
            Duration spread,
            String runId,
            BiFunction<Service, Integer, String> urls,
            Arm arm,
            Ledger ledger,
            Duration stepTimeout) {
        if (count > Workflow.MAX_WORKFLOWS) {
            throw new IllegalArgumentException("at most " + Workflow.MAX_WORKFLOWS + " workflows: each needs a peer"
                    + " address of its own in the SIX Seattle LAN");
        }
        Driver driver = new Driver(Math.max(1, count));
        long gapNanos = count <= 1 ? 0 : spread.toNanos() / count;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            Workflow workflow = new Workflow(i, runId, service -> urls.apply(service, index), arm, ledger, stepTimeout);
            long startAt = start + i * gapNanos;
            driver.running.add(driver.pool.submit(() -> {
                long wait = startAt - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                workflow.run();
                return null;
            }));
        }
        return driver;
    }

    /** Waits for every workflow to finish or give up; each has its own step deadlines. */
    public void await() throws Exception {
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
    }
}
