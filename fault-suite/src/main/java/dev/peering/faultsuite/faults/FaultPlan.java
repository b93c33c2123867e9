package dev.peering.faultsuite.faults;

import dev.peering.faultsuite.stack.Service;
import dev.peering.faultsuite.stack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The faults of one run, in a random order at random moments of the drive, in three lanes that run at the
 * same time:
 *
 * <ul>
 *   <li>two services' lanes, two services each: kill -9 of each service (restarted after a pause), and one
 *       service frozen (SIGSTOP) for longer than the consumers' session timeout, so its group evicts it while
 *       it still holds its partitions and in-flight work;
 *   <li>the infrastructure's lane: the broker stopped (SIGTERM) and restarted, the broker killed (kill -9)
 *       and restarted, the broker frozen (SIGSTOP) for longer than the services' producer delivery timeout,
 *       PostgreSQL crashed (immediate shutdown) and restarted, PostgreSQL's postmaster killed (kill -9) and
 *       restarted.
 * </ul>
 *
 * The lanes overlap freely: a service can be killed, restarted or frozen while the broker or the database is
 * down. A service that starts while PostgreSQL is down exits; the stack starts it again, as a supervisor
 * would ({@link Stack#start}).
 */
public final class FaultPlan {

    /**
     * How long each fault keeps its victim down, and the period over which the faults start (the period the
     * workflows start over, so that every fault meets workflows in flight).
     */
    public record Timing(
            Duration killedFor,
            Duration brokerDownFor,
            Duration postgresDownFor,
            Duration frozenFor,
            Duration brokerFrozenFor,
            Duration over) {}

    /**
     * One fault as it happened, for the report.
     *
     * @param inFlight workflows started and not yet ended when the fault struck
     */
    public record Injected(String what, Instant from, Instant to, int inFlight) {}

    private interface Fault {
        String describe();

        void inject(Stack stack) throws Exception;
    }

    /** Each lane's faults run one after the other; the lanes run at the same time. */
    private final List<List<Fault>> lanes = new ArrayList<>();

    private final Random random;
    private final Timing timing;

    private final java.util.concurrent.atomic.AtomicLong relayFailuresWhileBrokerFrozen =
            new java.util.concurrent.atomic.AtomicLong();

    public FaultPlan(long seed, Timing timing) {
        this.random = new Random(seed);
        this.timing = timing;
        // Two lanes of services, two services each; the frozen one is frozen in its own lane, never while killed.
        List<Service> services = new ArrayList<>(List.of(Service.values()));
        Collections.shuffle(services, random);
        Service frozen = services.get(random.nextInt(services.size()));
        for (int lane = 0; lane < 2; lane++) {
            List<Fault> faults = new ArrayList<>();
            for (Service service : services.subList(2 * lane, 2 * lane + 2)) {
                faults.add(fault(
                        "kill -9 " + service.module() + ", restart after "
                                + timing.killedFor().toSeconds() + " s",
                        stack -> {
                            stack.kill(service);
                            TimeUnit.MILLISECONDS.sleep(timing.killedFor().toMillis());
                            stack.start(service);
                        }));
                if (service == frozen) {
                    faults.add(fault(
                            frozen.module() + " frozen (SIGSTOP) for "
                                    + timing.frozenFor().toSeconds() + " s",
                            stack -> {
                                stack.freeze(frozen);
                                TimeUnit.MILLISECONDS.sleep(timing.frozenFor().toMillis());
                                stack.thaw(frozen);
                            }));
                }
            }
            lanes.add(faults);
        }
        List<Fault> infra = new ArrayList<>();
        infra.add(fault(
                "Kafka broker stopped (SIGTERM) for " + timing.brokerDownFor().toSeconds() + " s",
                stack -> stack.broker().restart(timing.brokerDownFor())));
        infra.add(fault(
                "Kafka broker killed (kill -9) for " + timing.brokerDownFor().toSeconds() + " s",
                stack -> stack.broker().kill(timing.brokerDownFor())));
        infra.add(fault(
                "Kafka broker frozen (SIGSTOP) for " + timing.brokerFrozenFor().toSeconds()
                        + " s, past the producers' delivery timeout",
                stack -> relayFailuresWhileBrokerFrozen.addAndGet(stack.broker().freeze(timing.brokerFrozenFor()))));
        infra.add(fault(
                "PostgreSQL crashed (immediate shutdown) for "
                        + timing.postgresDownFor().toSeconds() + " s",
                stack -> stack.database().restart(timing.postgresDownFor())));
        infra.add(fault(
                "PostgreSQL postmaster killed (kill -9) for "
                        + timing.postgresDownFor().toSeconds() + " s",
                stack -> stack.database().kill(timing.postgresDownFor())));
        lanes.add(infra);
        lanes.forEach(lane -> Collections.shuffle(lane, random));
    }

    private interface Injection {
        void inject(Stack stack) throws Exception;
    }

    private static Fault fault(String description, Injection injection) {
        return new Fault() {
            public String describe() {
                return description;
            }

            public void inject(Stack stack) throws Exception {
                injection.inject(stack);
            }
        };
    }

    /** Outbox relay passes that failed while the broker was frozen (from the services' logs). */
    public long relayFailuresWhileBrokerFrozen() {
        return relayFailuresWhileBrokerFrozen.get();
    }

    /** How many faults a run injects. */
    public int size() {
        return lanes.stream().mapToInt(List::size).sum();
    }

    /**
     * Runs the lanes at once; in each, fault k of n starts at a random moment of the k-th slice of the
     * period (or as soon as the one before it in its lane has ended). Returns what happened and when, in
     * the order the faults started; {@code inFlight} tells how many workflows each one met.
     */
    public List<Injected> run(Stack stack, IntSupplier inFlight) throws Exception {
        long start = System.nanoTime();
        List<List<long[]>> moments = new ArrayList<>();
        lanes.forEach(lane -> moments.add(moments(lane.size(), start)));
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size(), r -> {
            Thread t = new Thread(r, "fault-lane");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Injected>>> running = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                List<Fault> lane = lanes.get(i);
                List<long[]> at = moments.get(i);
                running.add(pool.submit(() -> lane(lane, at, stack, inFlight)));
            }
            List<Injected> injected = new ArrayList<>();
            for (Future<List<Injected>> lane : running) {
                injected.addAll(lane.get());
            }
            injected.sort(Comparator.comparing(Injected::from));
            return injected;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The moments of a lane, drawn up front so that a seed gives the same schedule whatever the timing. */
    private List<long[]> moments(int n, long start) {
        List<long[]> at = new ArrayList<>();
        long slice = timing.over().toNanos() / n;
        for (int k = 0; k < n; k++) {
            at.add(new long[] {start + k * slice + (long) (random.nextDouble() * slice)});
        }
        return at;
    }

    private static List<Injected> lane(List<Fault> faults, List<long[]> moments, Stack stack, IntSupplier inFlight)
            throws Exception {
        List<Injected> injected = new ArrayList<>();
        for (int k = 0; k < faults.size(); k++) {
            Fault fault = faults.get(k);
            long wait = moments.get(k)[0] - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Instant from = Instant.now();
            int met = inFlight.getAsInt();
            System.out.println("[fault] " + fault.describe() + " (" + met + " workflows in flight)");
            fault.inject(stack);
            Instant to = Instant.now();
            System.out.printf(
                    "[fault] done in %.1f s: %s%n", Duration.between(from, to).toMillis() / 1000.0, fault.describe());
            injected.add(new Injected(fault.describe(), from, to, met));
        }
        return injected;
    }
}
