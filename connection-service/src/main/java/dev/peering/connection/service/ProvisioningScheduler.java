package dev.peering.connection.service;

import dev.peering.connection.config.ProvisioningConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes the due steps of the simulated provisioning. The schedule is the {@code next_step_at} column
 * and each step commits with its event, so a restart resumes at the step it stopped before, neither
 * skipping nor repeating one; claims take row locks, so instances share the work.
 */
@ApplicationScoped
public class ProvisioningScheduler {

    @Inject
    ProvisioningSimulator simulator;

    @Inject
    ProvisioningConfig config;

    @Scheduled(
            every = "${peering.connection.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void advanceDue() {
        int batch = config.batchSize();
        while (simulator.advanceDue(batch) == batch) {
            // a full batch: more may be due
        }
    }
}
