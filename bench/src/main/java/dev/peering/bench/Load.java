package dev.peering.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Open loop: workflows start at a fixed arrival rate whatever the system does, and each one's latency
 * counts from its scheduled start (no coordinated omission). Closed loop: a fixed number of workflows in
 * flight, each started when the one before it ended, which finds the most the system sustains. Both
 * stop issuing at the end of their duration and then wait for what is in flight, each workflow bounded by
 * its own timeout.
 */
public final class Load {

    /** What one phase issued and how it ended. */
    public record Phase(
            String name,
            String mode,
            double offeredRate,
            int concurrency,
            double durationSeconds,
            long startNanos,
            long issueEndNanos,
            long endNanos,
            List<Onboarding.Result> results,
            boolean addressesRanOut) {

        public long completed() {
            return results.stream().filter(Onboarding.Result::ok).count();
        }

        public long failed() {
            return results.size() - completed();
        }

        /**
         * Completed workflows per second. Open loop: completions over the time from the first completion to
         * the last (the rate at which the system got through what was offered: the offered rate when it keeps
         * up, its capacity when it does not). Closed loop: completions over the time from the start to the last
         * completion (in flight / latency, once past the first round).
         */
        public double throughput() {
            List<Long> ends = results.stream()
                    .filter(Onboarding.Result::ok)
                    .map(Onboarding.Result::endNanos)
                    .sorted()
                    .toList();
            if (ends.isEmpty()) {
                return 0;
            }
            long last = ends.get(ends.size() - 1);
            if (mode.equals("open")) {
                return ends.size() < 2 ? 0 : (ends.size() - 1) / ((last - ends.get(0)) / 1e9);
            }
            return ends.size() / ((last - startNanos) / 1e9);
        }

        public Percentiles latency() {
            return Percentiles.of(results.stream()
                    .filter(Onboarding.Result::ok)
                    .mapToDouble(Onboarding.Result::totalMs)
                    .toArray());
        }

        public List<String> failureSamples() {
            return results.stream()
                    .filter(r -> !r.ok())
                    .map(Onboarding.Result::failure)
                    .distinct()
                    .limit(5)
                    .toList();
        }
    }

    private Load() {}

    private static ExecutorService pool(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(null, runnable, name, 256 * 1024);
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Phase open(
            String name, double rate, Duration duration, Supplier<Optional<Onboarding>> next, Duration timeout)
            throws InterruptedException {
        ExecutorService pool = pool("open-" + name);
        List<Future<Onboarding.Result>> running = new ArrayList<>();
        long gap = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        boolean ranOut = false;
        for (long i = 0; ; i++) {
            long at = start + i * gap;
            if (at >= end) {
                break;
            }
            parkUntil(at);
            Optional<Onboarding> workflow = next.get();
            if (workflow.isEmpty()) {
                ranOut = true;
                break;
            }
            running.add(pool.submit(() -> workflow.get().run(at, timeout)));
        }
        long issueEnd = System.nanoTime();
        List<Onboarding.Result> results = collect(running);
        pool.shutdown();
        return new Phase(
                name, "open", rate, 0, duration.toNanos() / 1e9, start, issueEnd, System.nanoTime(), results, ranOut);
    }

    public static Phase closed(
            String name, int concurrency, Duration duration, Supplier<Optional<Onboarding>> next, Duration timeout)
            throws InterruptedException {
        ExecutorService pool = pool("closed-" + name);
        List<Onboarding.Result> results = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        boolean[] ranOut = {false};
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Optional<Onboarding> workflow = next.get();
                    if (workflow.isEmpty()) {
                        ranOut[0] = true;
                        return null;
                    }
                    results.add(workflow.get().run(System.nanoTime(), timeout));
                }
                return null;
            }));
        }
        collect(workers);
        pool.shutdown();
        return new Phase(
                name,
                "closed",
                0,
                concurrency,
                duration.toNanos() / 1e9,
                start,
                end,
                System.nanoTime(),
                List.copyOf(results),
                ranOut[0]);
    }

    /** One workflow after another: the latency of a workflow on an idle system. */
    public static Phase sequential(String name, int count, Supplier<Optional<Onboarding>> next, Duration timeout)
            throws InterruptedException {
        List<Onboarding.Result> results = new ArrayList<>();
        long start = System.nanoTime();
        boolean ranOut = false;
        for (int i = 0; i < count; i++) {
            Optional<Onboarding> workflow = next.get();
            if (workflow.isEmpty()) {
                ranOut = true;
                break;
            }
            results.add(workflow.get().run(System.nanoTime(), timeout));
        }
        long end = System.nanoTime();
        return new Phase(name, "sequential", 0, 1, (end - start) / 1e9, start, end, end, results, ranOut);
    }

    static void parkUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private static <T> List<T> collect(List<? extends Future<?>> futures) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<?> future : futures) {
            try {
                @SuppressWarnings("unchecked")
                T value = (T) future.get();
                if (value != null) {
                    results.add(value);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a workflow thread failed", e.getCause());
            }
        }
        return results;
    }
}
