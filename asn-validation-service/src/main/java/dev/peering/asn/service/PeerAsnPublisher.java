package dev.peering.asn.service;

import dev.peering.asn.mapping.PeerAsnEventMapper;
import dev.peering.asn.persistence.PeerAsnEntity;
import dev.peering.events.PeerAsnEvent;
import dev.peering.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one writer of PeerAsn events: into the outbox, in the transaction of the change they record,
 * keyed by the PeerAsn's resource id so its events stay in order. With each event goes the PeerAsn's
 * snapshot for the compacted state topic, or its tombstone when it is deleted (ADR 0022).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PeerAsnPublisher {

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "peering.state-topics.peer-asns")
    String stateTopic;

    /** Publishes {@code type} for the PeerAsn as it is now, having been {@code previousState} before. */
    public void publish(PeerAsnEntity e, String type, String previousState, String correlationId) {
        String id = e.resourceId();
        outbox.publish(id, type, id, e.subscriptionId, correlationId, PeerAsnEventMapper.toEvent(e, previousState));
        if (PeerAsnEvent.DELETED.equals(type)) {
            outbox.tombstone(stateTopic, id);
        } else {
            outbox.snapshot(
                    stateTopic,
                    PeerAsnEvent.STATE,
                    id,
                    e.subscriptionId,
                    correlationId,
                    PeerAsnEventMapper.toEvent(e, null));
        }
    }
}
