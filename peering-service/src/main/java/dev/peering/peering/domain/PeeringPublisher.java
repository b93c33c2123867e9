package dev.peering.peering.domain;

import dev.peering.peering.api.PeeringMapper;
import dev.peering.peering.persistence.ConnectionEntity;
import dev.peering.peering.persistence.PeeringEntity;
import dev.peering.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Writes a peering event into the outbox of the caller's transaction (key and subject: the peering id). */
@ApplicationScoped
public class PeeringPublisher {

    @Inject
    Outbox outbox;

    public void publish(
            PeeringEntity e,
            String type,
            String previousState,
            List<ConnectionEntity> connections,
            String correlationId) {
        outbox.publish(
                e.resourceId,
                type,
                e.resourceId,
                e.subscriptionId,
                correlationId,
                PeeringMapper.toEvent(e, previousState, connections));
    }
}
