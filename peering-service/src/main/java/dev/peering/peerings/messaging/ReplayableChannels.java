package dev.peering.peerings.messaging;

import dev.peering.peerings.service.ConnectionEventHandler;
import dev.peering.peerings.service.PeerAsnEventHandler;
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
    ReplayableChannel connectionEvents(ConnectionEventHandler handler) {
        return new ReplayableChannel(
                ConnectionEventsConsumer.CHANNEL,
                "peering-service." + ConnectionEventsConsumer.CHANNEL,
                handler::handle);
    }

    @Produces
    ReplayableChannel peerAsnEvents(PeerAsnEventHandler handler) {
        return new ReplayableChannel(
                PeerAsnEventsConsumer.CHANNEL, "peering-service." + PeerAsnEventsConsumer.CHANNEL, handler::handle);
    }
}
