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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * The faults of one run, in a random order at random moments of the drive, in two lanes that run at the
 * same time:
 *
 * <ul>
 *   <li>the services' lane: kill -9 of each service (restarted after a pause), and one service frozen
 *       (SIGSTOP) for longer than the consumers' session timeout, so its group evicts it while it still
 *       holds its partitions and in-flight work;
 *   <li>the infrastructure's lane: the broker stopped (SIGTERM) and restarted, the broker killed (kill -9)
 *       and restarted, the broker frozen (SIGSTOP) for longer than the services' producer delivery timeout,
 *       PostgreSQL crashed (immediate shutdown) and restarted, PostgreSQL's postmaster killed (kill -9) and
 *       restarted.
 * </ul>
 *
 * A killed service is restarted only while the broker and PostgreSQL are up (a service that starts without
 * them exits, which would be a fault of the suite, not of the service): the restart waits for the
 * infrastructure fault that is under way, if any. Everything else overlaps, so a service can be killed or
 * frozen while the broker or the database is down.
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

    private final List<Fault> serviceLane = new ArrayList<>();
    private final List<Fault> infraLane = new ArrayList<>();
    private final Random random;
    private final Timing timing;
    /** Held while the broker or PostgreSQL is down; a service restart takes it too. */
    private final ReentrantLock infrastructure = new ReentrantLock();

    private final java.util.concurrent.atomic.AtomicLong relayFailuresWhileBrokerFrozen =
            new java.util.concurrent.atomic.AtomicLong();

    public FaultPlan(long seed, Timing timing) {
        this.random = new Random(seed);
        this.timing = timing;
        for (Service service : Service.values()) {
            serviceLane.add(fault(
                    "kill -9 " + service.module() + ", restart after "
                            + timing.killedFor().toSeconds() + " s",
                    stack -> {
                        stack.kill(service);
                        TimeUnit.MILLISECONDS.sleep(timing.killedFor().toMillis());
                        whileInfrastructureUp(() -> stack.start(service));
                    }));
        }
        Service frozen = Service.values()[random.nextInt(Service.values().length)];
        serviceLane.add(fault(
                frozen.module() + " frozen (SIGSTOP) for " + timing.frozenFor().toSeconds() + " s", stack -> {
                    stack.freeze(frozen);
                    TimeUnit.MILLISECONDS.sleep(timing.frozenFor().toMillis());
                    stack.thaw(frozen);
                }));
        infraLane.add(fault(
                "Kafka broker stopped (SIGTERM) for " + timing.brokerDownFor().toSeconds() + " s",
                stack -> infrastructureDown(() -> stack.restartBroker(timing.brokerDownFor()))));
        infraLane.add(fault(
                "Kafka broker killed (kill -9) for " + timing.brokerDownFor().toSeconds() + " s",
                stack -> infrastructureDown(() -> stack.killBroker(timing.brokerDownFor()))));
        infraLane.add(fault(
                "Kafka broker frozen (SIGSTOP) for " + timing.brokerFrozenFor().toSeconds()
                        + " s, past the producers' delivery timeout",
                stack -> infrastructureDown(
                        () -> relayFailuresWhileBrokerFrozen.addAndGet(stack.freezeBroker(timing.brokerFrozenFor())))));
        infraLane.add(fault(
                "PostgreSQL crashed (immediate shutdown) for "
                        + timing.postgresDownFor().toSeconds() + " s",
                stack -> infrastructureDown(() -> stack.restartPostgres(timing.postgresDownFor()))));
        infraLane.add(fault(
                "PostgreSQL postmaster killed (kill -9) for "
                        + timing.postgresDownFor().toSeconds() + " s",
                stack -> infrastructureDown(() -> stack.killPostgres(timing.postgresDownFor()))));
        Collections.shuffle(serviceLane, random);
        Collections.shuffle(infraLane, random);
    }

    private interface Step {
        void run() throws Exception;
    }

    private void infrastructureDown(Step step) throws Exception {
        infrastructure.lock();
        try {
            step.run();
        } finally {
            infrastructure.unlock();
        }
    }

    private void whileInfrastructureUp(Step step) throws Exception {
        infrastructureDown(step);
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
        return serviceLane.size() + infraLane.size();
    }

    /**
     * Runs both lanes at once; in each, fault k of n starts at a random moment of the k-th slice of the
     * period (or as soon as the one before it in its lane has ended). Returns what happened and when, in
     * the order the faults started; {@code inFlight} tells how many workflows each one met.
     */
    public List<Injected> run(Stack stack, IntSupplier inFlight) throws Exception {
        long start = System.nanoTime();
        List<long[]> services = moments(serviceLane.size(), start);
        List<long[]> infra = moments(infraLane.size(), start);
        ExecutorService lanes = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fault-lane");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<Injected>> a = lanes.submit(() -> lane(serviceLane, services, stack, inFlight));
            Future<List<Injected>> b = lanes.submit(() -> lane(infraLane, infra, stack, inFlight));
            List<Injected> injected = new ArrayList<>(a.get());
            injected.addAll(b.get());
            injected.sort(Comparator.comparing(Injected::from));
            return injected;
        } finally {
            lanes.shutdownNow();
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
