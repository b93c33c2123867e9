package dev.peering.registration.service;

import dev.peering.core.PeeringRef;
import dev.peering.events.AgreementEvent;
import dev.peering.events.CloudEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeeringEvent;
import dev.peering.registration.domain.PeeringState;
import dev.peering.registration.persistence.PeeringViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps the view of peerings; deprovisioning or deleting a peering revokes its registered ASNs and prefixes. */
@ApplicationScoped
@Transactional
public class PeeringEventHandler {

    @Inject
    PeeringViewRepository peerings;

    @Inject
    RegisteredAsnService registeredAsns;

    @Inject
    RegisteredPrefixService registeredPrefixes;

    public void handle(CloudEvent event) {
        if (AgreementEvent.is(event.type())) {
            return; // the Peering Service agreement matters to connection-service only
        }
        PeeringEvent data = event.dataAs(PeeringEvent.class);
        if (data.peeringId() == null) {
            throw new MalformedEventException("peering event " + event.id() + " has no peeringId", null);
        }
        switch (event.type()) {
            case PeeringEvent.CREATED -> {
                if (data.subscriptionId() == null || data.resourceGroup() == null || data.name() == null) {
                    throw new MalformedEventException(
                            "peering event " + event.id() + " lacks subscriptionId, resourceGroup or name", null);
                }
                peerings.upsertPeering(
                        data.peeringId(),
                        new PeeringRef(data.subscriptionId(), data.resourceGroup(), data.name()),
                        PeeringState.Live.name());
            }
            case PeeringEvent.FAILED -> peerings.setState(data.peeringId(), PeeringState.Failed.name());
            case PeeringEvent.DEPROVISION_REQUESTED -> {
                peerings.setState(data.peeringId(), PeeringState.Deprovisioning.name());
                registeredAsns.revokeAll(data.peeringId(), event.correlationid());
                registeredPrefixes.revokeAll(data.peeringId(), event.correlationid());
            }
            case PeeringEvent.DELETED -> {
                registeredAsns.revokeAll(data.peeringId(), event.correlationid());
                registeredPrefixes.revokeAll(data.peeringId(), event.correlationid());
                peerings.deletePeering(data.peeringId());
            }
            case PeeringEvent.UPDATED,
                    PeeringEvent.CONNECTIONS_REQUESTED,
                    PeeringEvent.CONNECTION_REMOVAL_REQUESTED -> {
                // connections are followed on the connection topic; tags do not matter here
            }
            default -> throw new MalformedEventException("unknown peering event type '" + event.type() + "'", null);
        }
    }
}
