package dev.peering.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts what a transaction did only once it committed: a step that rolls back and is retried must not
 * count twice in a business metric (a Prefix Key issued, a connection that became Active).
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Runs {@code metric} after the current transaction commits, now when there is none, never when the
     * transaction is already marked for rollback.
     */
    public void run(Runnable metric) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            metric.run();
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metric.run();
                }
            }
        });
    }
}
