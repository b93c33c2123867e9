package dev.peering.peerings.service;

import dev.peering.events.CloudEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.peerings.domain.PeerAsnStates;
import dev.peering.peerings.persistence.PeerAsnViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.peerings.persistence.PeeringRepository;
import dev.peering.platform.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The peer-ASN topic: keeps this service's view of PeerAsns (asn-validation-service owns them), and a
 * decision moves the peerings that wait on it: Approved hands them off, Failed or deleted fails them. Any
 * event ends the wait for the PeerAsn's arrival of peerings created before it was known here (ADR 0009).
 */
@ApplicationScoped
@Transactional
public class PeerAsnEventHandler {

    @Inject
    PeerAsnViewRepository peerAsns;

    @Inject
    PeeringRepository peerings;

    @Inject
    PeeringService service;

    @Inject
    TimeSource time;

    public void handle(CloudEvent event) {
        switch (event.type()) {
            case PeerAsnEvent.CREATED, PeerAsnEvent.UPDATED, PeerAsnEvent.VALIDATION_STATE_CHANGED -> upsert(event);
            case PeerAsnEvent.DELETED -> deleted(event);
            default -> throw new MalformedEventException("unknown peer-ASN event type '" + event.type() + "'", null);
        }
    }

    private void upsert(CloudEvent event) {
        PeerAsnEvent data = peerAsnData(event);
        // One statement inserts or overwrites the row (a creation's placeholder too, ADR 0009) and takes its
        // lock: it waits for a creation that holds the row, so that creation's peering is seen below.
        peerAsns.upsert(
                data.peerAsnId(),
                data.subscriptionId(),
                data.name(),
                data.peerAsn(),
                data.validationState(),
                data.errorMessage(),
                time.now());
        PeerAsnViewEntity view = peerAsns.findForUpdate(data.peerAsnId()).orElseThrow();
        List<PeeringEntity> waiting = peerings.waitingOn(view.peerAsnId);
        for (PeeringEntity p : waiting) {
            // the PeerAsn is known now: the peering waits on its decision only, under its canonical id
            p.peerAsnId = view.peerAsnId;
            p.peerAsnArrivalDueAt = null;
        }
        if (PeerAsnStates.APPROVED.equals(data.validationState())) {
            for (PeeringEntity p : waiting) {
                service.continuing(p, "peering-handoff", () -> service.handOff(p, p.correlationId));
            }
        } else if (PeerAsnStates.FAILED.equals(data.validationState())) {
            String reason = "PeerAsn '" + data.name() + "' (AS" + data.peerAsn() + ") failed validation: "
                    + (data.errorMessage() == null ? "no reason given." : data.errorMessage());
            waiting.forEach(p -> service.continuing(p, "peering-failed", () -> service.fail(p, reason)));
        }
    }

    private void deleted(CloudEvent event) {
        PeerAsnEvent data = peerAsnData(event);
        Optional<PeerAsnViewEntity> view = peerAsns.findForUpdate(data.peerAsnId());
        view.ifPresent(v -> {
            failWaiting(v.peerAsnId, "PeerAsn '" + data.name() + "' (AS" + data.peerAsn() + ") was deleted.");
            peerAsns.delete(v);
        });
    }

    private void failWaiting(String peerAsnId, String reason) {
        peerings.waitingOn(peerAsnId)
                .forEach(p -> service.continuing(p, "peering-failed", () -> service.fail(p, reason)));
    }

    private static PeerAsnEvent peerAsnData(CloudEvent event) {
        PeerAsnEvent data = event.dataAs(PeerAsnEvent.class);
        if (data.peerAsnId() == null || data.validationState() == null && !PeerAsnEvent.DELETED.equals(event.type())) {
            throw new MalformedEventException(
                    "peer-ASN event " + event.id() + " lacks peerAsnId or validationState", null);
        }
        return data;
    }
}
