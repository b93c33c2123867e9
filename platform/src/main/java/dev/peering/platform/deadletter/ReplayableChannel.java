package dev.peering.platform.deadletter;

import dev.peering.events.CloudEvent;
import java.util.function.Consumer;

/**
 * A consuming channel whose dead letters can be applied again: its name, the inbox consumer that records
 * which event ids it applied, and the handler its {@code @Incoming} method hands each event to. Each
 * service produces one per channel (its {@code messaging/ReplayableChannels}); {@link DeadLetters} replays
 * through {@code Inbox} with exactly these, so a replayed event is applied as the consumer would have
 * applied it, at most once by its id.
 */
public record ReplayableChannel(String channel, String consumer, Consumer<CloudEvent> handler) {}
