package dev.peering.peerings.service;

import dev.peering.events.CloudEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeerAsnEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.peerings.domain.PeerAsnStates;
import dev.peering.peerings.domain.ProvisioningState;
import dev.peering.peerings.persistence.PeerAsnViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.peerings.persistence.PeeringRepository;
import dev.peering.platform.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The peer-ASN topic: keeps this service's view of PeerAsns (asn-validation-service owns them), and a
 * decision moves the peerings that wait on it: Approved hands them off, Failed or deleted fails them.
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
    PeeringPublisher publisher;

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
        PeerAsnViewEntity view = peerAsns.findForUpdate(data.peerAsnId()).orElseGet(() -> {
            PeerAsnViewEntity v = new PeerAsnViewEntity();
            v.peerAsnId = data.peerAsnId();
            v.peerAsnIdLower = data.peerAsnId().toLowerCase(Locale.ROOT);
            return v;
        });
        view.subscriptionId = data.subscriptionId();
        view.name = data.name();
        view.peerAsn = data.peerAsn();
        view.validationState = data.validationState();
        view.errorMessage = data.errorMessage();
        view.updatedAt = time.now();
        peerAsns.persist(view);
        // flushed before the waiting peerings are read, so the row lock is held from here on
        peerAsns.flush();
        if (PeerAsnStates.APPROVED.equals(data.validationState())) {
            for (PeeringEntity p : peerings.waitingOn(view.peerAsnId)) {
                service.handOff(p, p.correlationId);
            }
        } else if (PeerAsnStates.FAILED.equals(data.validationState())) {
            String reason = "PeerAsn '" + data.name() + "' (AS" + data.peerAsn() + ") failed validation: "
                    + (data.errorMessage() == null ? "no reason given." : data.errorMessage());
            failWaiting(view.peerAsnId, reason);
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
        for (PeeringEntity p : peerings.waitingOn(peerAsnId)) {
            String previous = p.provisioningState.name();
            p.waitingOnPeerAsn = false;
            p.provisioningState = ProvisioningState.Failed;
            p.errorMessage = reason;
            p.updatedAt = time.now();
            publisher.publish(p, PeeringEvent.FAILED, previous, List.of(), p.correlationId);
        }
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
