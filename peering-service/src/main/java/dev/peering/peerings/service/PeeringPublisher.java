package dev.peering.peerings.service;

import dev.peering.peerings.mapping.PeeringEventMapper;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The one writer of this service's events: into the outbox of the caller's transaction (key and
 * subject: the peering's resource id).
 */
@ApplicationScoped
public class PeeringPublisher {

    @Inject
    Outbox outbox;

    @Inject
    PeerAsnViewRepository peerAsns;

    public void publish(
            PeeringEntity e,
            String type,
            String previousState,
            List<ConnectionViewEntity> connections,
            String correlationId) {
        outbox.publish(
                e.resourceId,
                type,
                e.resourceId,
                e.subscriptionId,
                correlationId,
                PeeringEventMapper.toEvent(e, previousState, connections, peerAsns.asnOf(e.peerAsnId)));
    }
}
