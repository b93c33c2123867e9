package dev.peering.peerings.service;

import dev.peering.events.AgreementEvent;
import dev.peering.events.PeeringEvent;
import dev.peering.peerings.mapping.PeeringEventMapper;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.PeerAsnViewRepository;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one writer of this service's events: into the outbox of the caller's transaction (key and
 * subject: the peering's resource id; for the agreement, the agreement's). With each peering event goes the
 * peering's snapshot for the compacted state topic, or its tombstone when it is deleted (ADR 0022).
 */
@ApplicationScoped
public class PeeringPublisher {

    @Inject
    Outbox outbox;

    @Inject
    PeerAsnViewRepository peerAsns;

    @ConfigProperty(name = "peering.state-topics.peerings")
    String stateTopic;

    public void publish(
            PeeringEntity e,
            String type,
            String previousState,
            List<ConnectionViewEntity> connections,
            String correlationId) {
        Long peerAsn = peerAsns.asnOf(e.peerAsnId);
        outbox.publish(
                e.resourceId,
                type,
                e.resourceId,
                e.subscriptionId,
                correlationId,
                PeeringEventMapper.toEvent(e, previousState, connections, peerAsn));
        if (PeeringEvent.DELETED.equals(type)) {
            outbox.tombstone(stateTopic, e.resourceId);
        } else {
            outbox.snapshot(
                    stateTopic,
                    PeeringEvent.STATE,
                    e.resourceId,
                    e.subscriptionId,
                    correlationId,
                    PeeringEventMapper.toState(e, peerAsn));
        }
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
