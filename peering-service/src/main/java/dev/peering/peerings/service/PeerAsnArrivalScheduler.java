package dev.peering.peerings.service;

import dev.peering.peerings.config.PeeringConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fails peerings whose PeerAsn never arrived (ADR 0009). The schedule is the peering's
 * {@code peer_asn_arrival_due_at} column, so a restart loses nothing, and claims take row locks
 * ({@code for update skip locked}), so instances share the work.
 */
@ApplicationScoped
public class PeerAsnArrivalScheduler {

    @Inject
    PeerAsnArrivals arrivals;

    @Inject
    PeeringConfig config;

    @Scheduled(
            every = "${peering.peerings.peer-asn-arrival-poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void failOverdue() {
        int batch = config.peerAsnArrivalBatchSize();
        while (arrivals.failOverdue(batch) == batch) {
            // a full batch: more may be due
        }
        while (arrivals.sweepPlaceholders(batch) == batch) {
            // a full batch: more may be unused
        }
    }
}
