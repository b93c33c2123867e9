package dev.peering.platform.schedule;

import dev.peering.platform.time.TimeSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a durable step as soon as the commit that made it due, instead of at the poller's next tick.
 *
 * <p>A service calls {@link #dueAt} (or {@link #dueNow}) inside the transaction that writes a step's
 * due time. When that time is not in the future, the kind's {@link DueWorker} runs after the
 * transaction commits, on a small pool of its own: never on the committing thread, never when the
 * transaction rolls back. Each kind has at most one run in flight and one pending (see {@link Lane}),
 * however many commits kick it. The worker is the poller's own claim-and-step pass, so row locks
 * keep a step from being taken twice; a run that fails is logged and its work stays due for the
 * poller, which remains the safety net for restarts and for steps due later.
 */
@ApplicationScoped
public class DueWork {

    private static final Logger LOG = Logger.getLogger(DueWork.class);
    // The key of this transaction's set of kicked kinds among the registry's resources.
    private static final Object KICKED = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TimeSource time;

    @Inject
    @Any
    Instance<DueWorker> workers;

    @ConfigProperty(name = "peering.due-work.threads", defaultValue = "2")
    int threads;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private ThreadPoolExecutor executor;
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        for (DueWorker w : workers) {
            String kind = w.kind();
            if (lanes.putIfAbsent(kind, new Lane(kind, () -> runInRequestContext(w))) != null) {
                throw new IllegalStateException("two DueWorkers of kind '" + kind + "'");
            }
        }
        AtomicInteger n = new AtomicInteger();
        // One queued task per kind at most (Lane), so the queue never fills while the pool runs.
        executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, lanes.size())), r -> {
                    Thread t = new Thread(r, "due-work-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Lets the runs in flight finish their step; later kicks are left to the next start's poller. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Work of {@code kind} falls due at {@code dueAt} (null: nothing is scheduled). When that is now or
     * past, the worker runs after the current transaction commits; a later time is left to the poller.
     */
    public void dueAt(String kind, OffsetDateTime dueAt) {
        if (dueAt != null && !dueAt.isAfter(time.now())) {
            dueNow(kind);
        }
    }

    /**
     * Work of {@code kind} is due now: its worker runs after the current transaction commits (at once
     * when there is no transaction; not at all when it rolls back).
     */
    public void dueNow(String kind) {
        Lane lane = lanes.get(kind);
        if (lane == null) {
            throw new IllegalArgumentException("no DueWorker of kind '" + kind + "'");
        }
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            start(lane);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback: nothing it wrote will be due
        }
        @SuppressWarnings("unchecked")
        Set<Lane> kicked = (Set<Lane>) transactions.getResource(KICKED);
        if (kicked == null) {
            Set<Lane> lanesOfThisTransaction = new LinkedHashSet<>();
            transactions.putResource(KICKED, lanesOfThisTransaction);
            transactions.registerInterposedSynchronization(new AfterCommit(lanesOfThisTransaction));
            kicked = lanesOfThisTransaction;
        }
        kicked.add(lane);
    }

    private void start(Lane lane) {
        if (stopping || !lane.kick()) {
            return;
        }
        try {
            executor.execute(lane::run);
        } catch (RejectedExecutionException e) {
            lane.abandon();
            LOG.debugf("%s: not run after commit (stopping); the scheduler takes it", lane.kind());
        }
    }

    // As a @Scheduled method has: beans that need a request context work the same in both callers.
    private void runInRequestContext(DueWorker worker) {
        if (stopping) {
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            worker.runDue();
        } finally {
            requestContext.terminate();
        }
    }

    private final class AfterCommit implements Synchronization {

        private final Set<Lane> kicked;

        AfterCommit(Set<Lane> kicked) {
            this.kicked = kicked;
        }

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                kicked.forEach(DueWork.this::start);
            }
        }
    }
}
