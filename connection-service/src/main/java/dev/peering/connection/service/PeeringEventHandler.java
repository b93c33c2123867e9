package dev.peering.connection.service;

import dev.peering.connection.mapping.PeeringEventMapper;
import dev.peering.connection.persistence.AgreementViewRepository;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.connection.persistence.PeeringViewRepository;
import dev.peering.events.AgreementEvent;
import dev.peering.events.CloudEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.events.PeeringEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Applies peering events: keeps this service's view of the peerings, and creates or decommissions the
 * connections the events ask for. The inbox calls it once per event id, in the transaction that
 * records the id.
 */
@ApplicationScoped
@Transactional
public class PeeringEventHandler {

    @Inject
    ConnectionRepository connections;

    @Inject
    PeeringViewRepository peerings;

    @Inject
    ConnectionTransitions transitions;

    @Inject
    AgreementViewRepository agreements;

    public void onPeeringEvent(CloudEvent event) {
        if (AgreementEvent.is(event.type())) {
            AgreementEvent agreement = event.dataAs(AgreementEvent.class);
            if (agreement.subscriptionId() == null) {
                throw new MalformedEventException("agreement event " + event.id() + " has no subscriptionId", null);
            }
            agreements.set(agreement.subscriptionId(), AgreementEvent.GRANTED.equals(event.type()));
            return;
        }
        PeeringEvent data = event.dataAs(PeeringEvent.class);
        if (data.peeringId() == null || data.subscriptionId() == null) {
            throw new MalformedEventException(
                    "peering event " + event.id() + " has no peeringId or subscriptionId", null);
        }
        switch (event.type()) {
            case PeeringEvent.CREATED, PeeringEvent.UPDATED, PeeringEvent.FAILED -> upsertView(event, data);
            case PeeringEvent.CONNECTIONS_REQUESTED -> {
                PeeringViewEntity p = upsertView(event, data);
                for (PeeringEvent.Connection c : listed(event, data)) {
                    if (connections.find(p.peeringId, c.connectionIdentifier()).isEmpty()) {
                        transitions.create(
                                p,
                                PeeringEventMapper.toSpec(c),
                                "connection requested with the peering",
                                event.correlationid());
                    }
                }
            }
            case PeeringEvent.CONNECTION_REMOVAL_REQUESTED -> {
                for (PeeringEvent.Connection c : listed(event, data)) {
                    connections
                            .findForUpdate(data.peeringId(), c.connectionIdentifier())
                            .ifPresent(e -> transitions.decommission(
                                    e, "removal requested with the peering", event.correlationid()));
                }
            }
            case PeeringEvent.DEPROVISION_REQUESTED -> connections
                    .ofPeeringForUpdate(data.peeringId())
                    .forEach(e -> transitions.decommission(
                            e, "peering deprovisioned by the operator", event.correlationid()));
            case PeeringEvent.DELETED -> {
                connections
                        .ofPeeringForUpdate(data.peeringId())
                        .forEach(e -> transitions.decommission(e, "peering deleted", event.correlationid()));
                peerings.deleteById(data.peeringId());
            }
            default -> throw new MalformedEventException("unknown peering event type '" + event.type() + "'", null);
        }
    }

    private static List<PeeringEvent.Connection> listed(CloudEvent event, PeeringEvent data) {
        List<PeeringEvent.Connection> list = data.connections() == null ? List.of() : data.connections();
        for (PeeringEvent.Connection c : list) {
            if (c == null
                    || c.connectionIdentifier() == null
                    || c.connectionIdentifier().isBlank()) {
                throw new MalformedEventException(
                        "peering event " + event.id() + " lists a connection without connectionIdentifier", null);
            }
        }
        return list;
    }

    /** The peering's row in the view, created from its first event, kept up to date by the later ones. */
    private PeeringViewEntity upsertView(CloudEvent event, PeeringEvent data) {
        PeeringViewEntity p = peerings.findById(data.peeringId(), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            if (data.resourceGroup() == null || data.name() == null) {
                throw new MalformedEventException(
                        "peering event " + event.id() + " has no resourceGroup or name", null);
            }
            p = new PeeringViewEntity();
            p.peeringId = data.peeringId();
            p.subscriptionId = data.subscriptionId();
            p.resourceGroup = data.resourceGroup();
            p.name = data.name();
            peerings.persist(p);
        }
        if (data.peeringLocation() != null) {
            p.peeringLocation = data.peeringLocation();
        }
        if (data.provisioningState() != null) {
            p.provisioningState = data.provisioningState();
        }
        if (data.peerAsn() != null) {
            p.peerAsn = data.peerAsn();
        }
        return p;
    }
}
