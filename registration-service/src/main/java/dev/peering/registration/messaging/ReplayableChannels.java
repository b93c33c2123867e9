package dev.peering.registration.messaging;

import dev.peering.platform.deadletter.ReplayableChannel;
import dev.peering.registration.service.ConnectionEventHandler;
import dev.peering.registration.service.PeeringEventHandler;
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
    ReplayableChannel connectionEvents(ConnectionEventHandler handler) {
        return new ReplayableChannel(
                ConnectionEventsConsumer.CHANNEL,
                "registration-service." + ConnectionEventsConsumer.CHANNEL,
                handler::handle);
    }

    @Produces
    ReplayableChannel peeringEvents(PeeringEventHandler handler) {
        return new ReplayableChannel(
                PeeringEventsConsumer.CHANNEL,
                "registration-service." + PeeringEventsConsumer.CHANNEL,
                handler::handle);
    }
}
