package dev.peering.registration.messaging;

import dev.peering.platform.inbox.Inbox;
import dev.peering.registration.service.PeeringEventHandler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process("registration-service." + CHANNEL, batch, handler::handle);
    }
}
