package dev.peering.peerings.messaging;

import dev.peering.peerings.service.PeerAsnEventHandler;
import dev.peering.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process("peering-service." + CHANNEL, batch, handler::handle);
    }
}
