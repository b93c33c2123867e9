package dev.peering.registration.messaging;

import dev.peering.platform.inbox.Inbox;
import dev.peering.registration.service.PeeringEventHandler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Peering events tell which peerings exist, and when their registered ASNs are to be revoked. */
@ApplicationScoped
public class PeeringEventsConsumer {

    public static final String CHANNEL = "peering-events";

    @Inject
    Inbox inbox;

    @Inject
    PeeringEventHandler handler;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        inbox.process("registration-service." + CHANNEL, value, handler::handle);
    }
}
