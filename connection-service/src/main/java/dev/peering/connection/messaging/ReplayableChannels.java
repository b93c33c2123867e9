package dev.peering.connection.messaging;

import dev.peering.connection.service.PeeringEventHandler;
import dev.peering.platform.deadletter.ReplayableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The channels whose dead letters the operator can replay (`peering dlq replay`, ADR 0018): each with the
 * inbox consumer name and the handler its `@Incoming` method uses, so a replay applies the event exactly
 * as the channel would have.
 */
@ApplicationScoped
public class ReplayableChannels {

    @Produces
    ReplayableChannel peeringEvents(PeeringEventHandler handler) {
        return new ReplayableChannel(
                PeeringEventsConsumer.CHANNEL,
                "connection-service." + PeeringEventsConsumer.CHANNEL,
                handler::onPeeringEvent);
    }
}
