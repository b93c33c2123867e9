package dev.peering.asn.service;

import dev.peering.asn.persistence.PeeringUsageRepository;
import dev.peering.events.AgreementEvent;
import dev.peering.events.CloudEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeeringEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps this service's view of which live peerings use which PeerAsn, from peering events. */
@ApplicationScoped
@Transactional
public class PeeringEventHandler {

    @Inject
    PeeringUsageRepository usage;

    public void handle(CloudEvent event) {
        if (AgreementEvent.is(event.type())) {
            return; // the Peering Service agreement matters to connection-service only
        }
        PeeringEvent data = event.dataAs(PeeringEvent.class);
        if (data.peeringId() == null) {
            throw new MalformedEventException("peering event " + event.id() + " has no peeringId", null);
        }
        switch (event.type()) {
            case PeeringEvent.CREATED, PeeringEvent.CONNECTIONS_REQUESTED -> {
                if (data.peerAsnId() == null) {
                    throw new MalformedEventException("peering event " + event.id() + " has no peerAsnId", null);
                }
                usage.use(data.peeringId(), data.peerAsnId());
            }
            case PeeringEvent.FAILED, PeeringEvent.DELETED -> usage.release(data.peeringId());
            case PeeringEvent.UPDATED,
                    PeeringEvent.CONNECTION_REMOVAL_REQUESTED,
                    PeeringEvent.DEPROVISION_REQUESTED -> {
                // these do not change which PeerAsn the peering uses
            }
            default -> throw new MalformedEventException("unknown peering event type '" + event.type() + "'", null);
        }
    }
}
