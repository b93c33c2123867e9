package dev.peering.peerings.messaging;

import dev.peering.peerings.service.PeerAsnEventHandler;
import dev.peering.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Peer-ASN events keep this service's view of PeerAsns; a decision moves the peerings that wait on it. */
@ApplicationScoped
public class PeerAsnEventsConsumer {

    public static final String CHANNEL = "peer-asn-events";

    @Inject
    Inbox inbox;

    @Inject
    PeerAsnEventHandler handler;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String value) {
        inbox.process("peering-service." + CHANNEL, value, handler::handle);
    }
}
