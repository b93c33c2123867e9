package dev.peering.registration.service;

import dev.peering.events.CloudEvent;
import dev.peering.events.ConnectionEvent;
import dev.peering.events.MalformedEventException;
import dev.peering.registration.persistence.PeeringViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps the view of each peering's connections and their connectionState. */
@ApplicationScoped
@Transactional
public class ConnectionEventHandler {

    @Inject
    PeeringViewRepository peerings;

    public void handle(CloudEvent event) {
        ConnectionEvent data = event.dataAs(ConnectionEvent.class);
        if (data.peeringId() == null || data.connectionIdentifier() == null) {
            throw new MalformedEventException(
                    "connection event " + event.id() + " has no peeringId or connectionIdentifier", null);
        }
        switch (event.type()) {
            case ConnectionEvent.STATE_CHANGED, ConnectionEvent.SESSION_STATE_CHANGED -> {
                if (data.connectionState() == null) {
                    throw new MalformedEventException(
                            "connection event " + event.id() + " has no connectionState", null);
                }
                peerings.upsertConnection(data.peeringId(), data.connectionIdentifier(), data.connectionState());
            }
            case ConnectionEvent.REMOVED -> peerings.deleteConnection(data.peeringId(), data.connectionIdentifier());
            default -> throw new MalformedEventException("unknown connection event type '" + event.type() + "'", null);
        }
    }
}
