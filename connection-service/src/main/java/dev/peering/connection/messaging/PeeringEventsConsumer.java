package dev.peering.connection.messaging;

import dev.peering.connection.service.PeeringEventHandler;
import dev.peering.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Peering events create, and ask to decommission, the connections this service provisions. */
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
        return inbox.process("connection-service." + CHANNEL, batch, handler::onPeeringEvent);
    }
}
