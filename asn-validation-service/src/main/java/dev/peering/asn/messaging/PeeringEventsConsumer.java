package dev.peering.asn.messaging;

import dev.peering.asn.domain.PeerAsnService;
import dev.peering.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Peering events tell which PeerAsns are in use by live peerings. */
@ApplicationScoped
public class PeeringEventsConsumer {

    public static final String CHANNEL = "peering-events";

    @Inject
    Inbox inbox;

    @Inject
    PeerAsnService service;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        inbox.process("asn-validation-service." + CHANNEL, value, service::onPeeringEvent);
    }
}
