package dev.peering.asn.service;

import dev.peering.asn.config.AsnValidationConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides PeerAsns whose delay is over. The schedule is the {@code decide_at} column, so a restart
 * neither loses nor repeats a decision, and claims take row locks, so instances share the work.
 */
@ApplicationScoped
public class ApprovalScheduler {

    @Inject
    PeerAsnService service;

    @Inject
    AsnValidationConfig config;

    @Scheduled(
            every = "${peering.asn.approval-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void decideDue() {
        int batch = config.approvalBatchSize();
        while (service.decideDue(batch) == batch) {
            // a full batch: more may be due
        }
    }
}
