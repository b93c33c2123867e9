package dev.peering.console.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.peering.events.CloudEvent;
import dev.peering.events.Topics;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    static CloudEvent event(String subscription, String subject) {
        return new CloudEvent(
                "1.0",
                java.util.UUID.randomUUID().toString(),
                "dev.peering.connection.stateChanged",
                "/connection-service",
                subject,
                OffsetDateTime.now(),
                "application/json",
                "c-1",
                subscription,
                JsonNodeFactory.instance.objectNode().put("connectionState", "Active"));
    }

    @Test
    void keepsOnlyTheLastEventsUpToItsBound() {
        RecentEvents recent = new RecentEvents(3);
        for (int i = 1; i <= 5; i++) {
            recent.add(Topics.CONNECTION_EVENTS, event("s", "/x/" + i), i);
        }
        assertEquals(3, recent.size());
        assertEquals(
                List.of(3L, 4L, 5L),
                recent.after(0, r -> true).stream()
                        .map(RecentEvents.Recent::sequence)
                        .toList());
    }

    @Test
    void replaysWhatCameAfterTheLastEventIdForThisUserOnly() {
        RecentEvents recent = new RecentEvents(10);
        recent.add(Topics.CONNECTION_EVENTS, event("mine", "/a"), 1);
        recent.add(Topics.CONNECTION_EVENTS, event("theirs", "/b"), 2);
        recent.add(Topics.CONNECTION_EVENTS, event("mine", "/c"), 3);
        SignedInUser me = new SignedInUser("t", "me", "peer", List.of("mine"), java.time.Instant.MAX);
        assertEquals(
                List.of("/c"),
                recent.after(1, r -> me.sees(r.event().subscription())).stream()
                        .map(r -> r.event().subject())
                        .toList());
    }
}
