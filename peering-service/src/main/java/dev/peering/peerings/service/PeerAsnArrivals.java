package dev.peering.peerings.service;

import dev.peering.peerings.config.PeeringConfig;
import dev.peering.peerings.domain.PeeringRules;
import dev.peering.peerings.persistence.PeerAsnViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.peerings.persistence.PeeringRepository;
import dev.peering.platform.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Read-your-writes across services (ADR 0009): a peering may name a PeerAsn whose event has not reached
 * this service yet. It waits for that event as it waits for an approval, for
 * {@code peering.peerings.peer-asn-arrival-timeout} at most; then it fails, saying what to do.
 */
@ApplicationScoped
@Transactional
public class PeerAsnArrivals {

    @Inject
    PeerAsnViewRepository peerAsns;

    @Inject
    PeeringRepository peerings;

    @Inject
    PeeringService service;

    @Inject
    PeeringConfig config;

    @Inject
    TimeSource time;

    /**
     * The PeerAsn's view row for a creation, locked; a placeholder row when no event described the PeerAsn
     * yet. The placeholder gives the creation a row to lock even for an unknown PeerAsn: the PeerAsn's
     * first event upserts that same row, so it waits for the creation's commit and then finds the peering
     * waiting (or the creation's insert waits for the event's commit and then finds the PeerAsn). Without
     * it, an event committing during the creation would miss the uncommitted peering, which would then wait
     * until the timeout for a PeerAsn that exists.
     */
    Optional<PeerAsnViewEntity> lockOrPlaceholder(String subscriptionId, String sentPeerAsnId) {
        String id = PeeringRules.peerAsnIdOf(subscriptionId, sentPeerAsnId);
        // a placeholder swept between the insert and the lock is inserted again
        for (int attempt = 0; ; attempt++) {
            peerAsns.insertPlaceholder(id, subscriptionId, PeeringRules.peerAsnName(id), time.now());
            Optional<PeerAsnViewEntity> row = peerAsns.findForUpdate(id);
            if (row.isPresent() || attempt == 2) {
                return row;
            }
        }
    }

    /** When a peering created now stops waiting for an unknown PeerAsn. */
    OffsetDateTime dueAt(OffsetDateTime now) {
        return now.plus(config.peerAsnArrivalTimeout());
    }

    /** Fails up to {@code limit} peerings whose PeerAsn did not arrive in time; returns how many. */
    public int failOverdue(int limit) {
        List<PeeringEntity> overdue = peerings.claimOverdueArrivals(time.now(), limit);
        for (PeeringEntity p : overdue) {
            service.continuing(
                    p,
                    "peer-asn-arrival-timeout",
                    () -> service.fail(
                            p,
                            "PeerAsn '" + p.peerAsnId + "' is not known: no PeerAsn of that id reached this service"
                                    + " within " + config.peerAsnArrivalTimeout() + " of the peering's creation."
                                    + " Associate the ASN first with PUT " + p.peerAsnId + " on"
                                    + " asn-validation-service, then create the peering again (under another name,"
                                    + " or after the peering operator deprovisions this one)."));
        }
        return overdue.size();
    }

    /** Removes up to {@code limit} placeholders no peering waits on any more (older than the timeout). */
    public int sweepPlaceholders(int limit) {
        return peerAsns.deleteUnusedPlaceholders(time.now().minus(config.peerAsnArrivalTimeout()), limit);
    }
}
