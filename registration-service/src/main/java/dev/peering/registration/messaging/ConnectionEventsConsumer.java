package dev.peering.registration.messaging;

import dev.peering.platform.inbox.Inbox;
import dev.peering.registration.service.ConnectionEventHandler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Connection events tell which connections of a peering are Active. */
@ApplicationScoped
public class ConnectionEventsConsumer {

    public static final String CHANNEL = "connection-events";

    @Inject
    Inbox inbox;

    @Inject
    ConnectionEventHandler handler;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process("registration-service." + CHANNEL, batch, handler::handle);
    }
}
