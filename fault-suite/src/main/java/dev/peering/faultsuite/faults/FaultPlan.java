package dev.peering.faultsuite.faults;

import dev.peering.faultsuite.stack.Service;
import dev.peering.faultsuite.stack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The faults of one run, in a random order at random moments of the drive: kill -9 of each service
 * (restarted after a pause), a broker restart, a PostgreSQL crash and restart, and one service frozen (SIGSTOP) for
 * longer than the consumers' session timeout, so its group evicts it while it still holds its
 * partitions and in-flight work.
 */
public final class FaultPlan {

    /**
     * How long each fault keeps its victim down, and the period over which the faults start (the
     * period the workflows start over, so that every fault meets workflows in flight).
     */
    public record Timing(
            Duration killedFor, Duration brokerDownFor, Duration postgresDownFor, Duration frozenFor, Duration over) {}

    /** One fault as it happened, for the report. */
    public record Injected(String what, Instant from, Instant to) {}

    private interface Fault {
        String describe();

        void inject(Stack stack) throws Exception;
    }

    private final List<Fault> faults = new ArrayList<>();
    private final Random random;
    private final Timing timing;

    public FaultPlan(long seed, Timing timing) {
        this.random = new Random(seed);
        this.timing = timing;
        for (Service service : Service.values()) {
            faults.add(new Fault() {
                public String describe() {
                    return "kill -9 " + service.module() + ", restart after "
                            + timing.killedFor().toSeconds() + " s";
                }

                public void inject(Stack stack) throws Exception {
                    stack.kill(service);
                    TimeUnit.MILLISECONDS.sleep(timing.killedFor().toMillis());
                    stack.start(service);
                }
            });
        }
        faults.add(new Fault() {
            public String describe() {
                return "Kafka broker stopped for " + timing.brokerDownFor().toSeconds() + " s";
            }

            public void inject(Stack stack) throws Exception {
                stack.restartBroker(timing.brokerDownFor());
            }
        });
        faults.add(new Fault() {
            public String describe() {
                return "PostgreSQL crashed (immediate shutdown) for "
                        + timing.postgresDownFor().toSeconds() + " s";
            }

            public void inject(Stack stack) throws Exception {
                stack.restartPostgres(timing.postgresDownFor());
            }
        });
        Service frozen = Service.values()[random.nextInt(Service.values().length)];
        faults.add(new Fault() {
            public String describe() {
                return frozen.module() + " frozen (SIGSTOP) for "
                        + timing.frozenFor().toSeconds() + " s";
            }

            public void inject(Stack stack) throws Exception {
                stack.freeze(frozen);
                TimeUnit.MILLISECONDS.sleep(timing.frozenFor().toMillis());
                stack.thaw(frozen);
            }
        });
        Collections.shuffle(faults, random);
    }

    /**
     * Runs every fault, one after the other: fault k of n starts at a random moment of the k-th slice of
     * the period (or as soon as the one before has ended). Returns what happened and when.
     */
    public List<Injected> run(Stack stack) throws Exception {
        List<Injected> injected = new ArrayList<>();
        long start = System.nanoTime();
        long slice = timing.over().toNanos() / faults.size();
        for (int k = 0; k < faults.size(); k++) {
            Fault fault = faults.get(k);
            long at = start + k * slice + (long) (random.nextDouble() * slice);
            long wait = at - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Instant from = Instant.now();
            System.out.println("[fault] " + fault.describe());
            fault.inject(stack);
            Instant to = Instant.now();
            System.out.printf(
                    "[fault] done in %.1f s%n", Duration.between(from, to).toMillis() / 1000.0);
            injected.add(new Injected(fault.describe(), from, to));
        }
        return injected;
    }
}
