package dev.peering.platform.schedule;

import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The runs of one kind of work: at most one in flight and one pending. Kicks that arrive while a run
 * is in flight fold into the one pending run, which starts when the first ends, so a commit that lands
 * during a run (and which the run's claim may have missed) is still followed by a run.
 */
final class Lane {

    private static final Logger LOG = Logger.getLogger(Lane.class);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUNNING_AND_PENDING = 2;

    private final String kind;
    private final Runnable worker;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    Lane(String kind, Runnable worker) {
        this.kind = kind;
        this.worker = worker;
    }

    String kind() {
        return kind;
    }

    /** @return whether the caller must start {@link #run()}: true only when the lane was idle */
    boolean kick() {
        while (true) {
            int s = state.get();
            if (s == RUNNING_AND_PENDING) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return s == IDLE;
            }
        }
    }

    /** The run could not be started (the executor stopped): the poller takes the work. */
    void abandon() {
        state.set(IDLE);
    }

    /** Runs the worker, and again while kicks arrived during the last run. */
    void run() {
        while (true) {
            try {
                worker.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s: a run after commit failed; the scheduler takes the due work on its next pass", kind);
            }
            if (state.compareAndSet(RUNNING, IDLE)) {
                return;
            }
            // Only kicks change the state during a run, and they only add the pending run.
            state.set(RUNNING);
        }
    }
}
