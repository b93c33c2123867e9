package dev.peering.bench;

import dev.peering.faultsuite.drive.Arm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * REST requests at a fixed rate (open loop): request i is due at start + i/rate and its latency counts
 * from then, so a stall shows in the percentiles rather than slowing the requests down. At most
 * {@link #MAX_IN_FLIGHT} requests wait at once; one due beyond that is counted as not sent. Before the run,
 * {@link #WARM_UP_REQUESTS} requests go one at a time and are not counted.
 */
public final class RestProbe {

    // Bounded so that an overloaded run leaves the service a short backlog of requests the client gave up on,
    // not thousands that slow the run after it.
    static final int MAX_IN_FLIGHT = 256;

    /** One request: method, URL and body (null for none). */
    public record Request(String method, String url, String body) {}

    public record Result(
            String name,
            int rate,
            double seconds,
            long sent,
            long ok,
            Map<Integer, Long> statuses,
            long notSent,
            Percentiles latency) {}

    private RestProbe() {}

    /** Requests sent one at a time before a run and not counted: the services' code paths warm up without a backlog. */
    static final int WARM_UP_REQUESTS = 200;

    public static Result run(String name, Arm arm, int rate, Duration duration, LongFunction<Request> request)
            throws InterruptedException {
        for (long i = 0; i < WARM_UP_REQUESTS; i++) {
            Request r = request.apply(-1 - i);
            arm.once(r.method(), r.url(), r.body());
        }
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(null, runnable, "rest-" + name, 256 * 1024);
            thread.setDaemon(true);
            return thread;
        });
        Samples latency = new Samples();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        long notSent = 0;
        long sent = 0;
        List<Future<?>> futures = new ArrayList<>();
        long gap = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long i = 0; ; i++) {
            long at = start + i * gap;
            if (at >= end) {
                break;
            }
            Load.parkUntil(at);
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                notSent++;
                continue;
            }
            Request r = request.apply(i);
            inFlight.incrementAndGet();
            sent++;
            futures.add(pool.submit(() -> {
                try {
                    Optional<Arm.Reply> reply = arm.once(r.method(), r.url(), r.body());
                    latency.addNanos(System.nanoTime() - at);
                    int status = reply.map(Arm.Reply::status).orElse(0);
                    statuses.merge(status, 1L, Long::sum);
                    if (reply.isPresent() && reply.get().ok()) {
                        ok.incrementAndGet();
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                statuses.merge(-1, 1L, Long::sum);
            }
        }
        pool.shutdown();
        return new Result(
                name, rate, duration.toNanos() / 1e9, sent, ok.get(), Map.copyOf(statuses), notSent, latency.summary());
    }
}
