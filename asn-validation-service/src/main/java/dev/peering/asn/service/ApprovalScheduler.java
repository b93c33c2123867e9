package dev.peering.asn.service;

import dev.peering.asn.config.AsnValidationConfig;
import dev.peering.platform.schedule.DueWorker;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides PeerAsns whose delay is over. The schedule is the {@code decide_at} column, so a restart
 * neither loses nor repeats a decision, and claims take row locks, so instances share the work. A
 * PeerAsn due at once is decided right after the commit that made it due ({@code DueWork}); the poll
 * is the safety net for restarts and for the delays that run out later.
 */
@ApplicationScoped
public class ApprovalScheduler implements DueWorker {

    /** The approvals, as {@code DueWork} names them. */
    public static final String KIND = "peer-asn-approval";

    @Inject
    PeerAsnService service;

    @Inject
    AsnValidationConfig config;

    @Scheduled(
            every = "${peering.asn.approval-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void decideDue() {
        runDue();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int batchSize() {
        return config.approvalBatchSize();
    }

    @Override
    public int takeDue(int limit) {
        return service.decideDue(limit);
    }
}
