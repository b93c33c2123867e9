package dev.peering.connection.service;

import dev.peering.connection.config.ProvisioningConfig;
import dev.peering.platform.schedule.DueWorker;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes the due steps of the simulated provisioning. The schedule is the {@code next_step_at} column
 * and each step commits with its event, so a restart resumes at the step it stopped before, neither
 * skipping nor repeating one; claims take row locks, so instances share the work. A step due at once
 * runs right after the commit that made it due ({@code DueWork}, kicked by
 * {@link ConnectionTransitions#schedule}); the poll is the safety net for restarts and delays.
 */
@ApplicationScoped
public class ProvisioningScheduler implements DueWorker {

    /** The provisioning and BGP session steps, as {@code DueWork} names them. */
    public static final String KIND = "connection-step";

    @Inject
    ProvisioningSimulator simulator;

    @Inject
    ProvisioningConfig config;

    @Scheduled(
            every = "${peering.connection.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void advanceDue() {
        runDue();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public int takeDue(int limit) {
        return simulator.advanceDue(limit);
    }
}
