package dev.peering.peerings.service;

import dev.peering.events.AgreementEvent;
import dev.peering.peerings.mapping.PeeringEventMapper;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one writer of this service's events: into the outbox of the caller's transaction (key and
 * subject: the peering's resource id; for the agreement, the agreement's).
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

    /** The subscription's Peering Service agreement was granted ({@code agreed}) or withdrawn. */
    public void agreement(String subscriptionId, boolean agreed, OffsetDateTime grantedAt, String correlationId) {
        String id = AgreementEvent.resourceId(subscriptionId);
        outbox.publish(
                id,
                agreed ? AgreementEvent.GRANTED : AgreementEvent.REVOKED,
                id,
                subscriptionId,
                correlationId,
                new AgreementEvent(subscriptionId, agreed, grantedAt));
    }
}
