package dev.peering.peerings.messaging;

import dev.peering.peerings.service.ConnectionEventHandler;
import dev.peering.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Connection events keep the read model of each peering's connections. */
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
        return inbox.process("peering-service." + CHANNEL, batch, handler::handle);
    }
}
