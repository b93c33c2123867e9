package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    static TimelineEntry at(String time, String id) {
        return new TimelineEntry(
                OffsetDateTime.parse("2026-01-01T" + time + "Z"),
                "t",
                "s",
                "x.y",
                null,
                null,
                "r",
                List.of(),
                null,
                null,
                null,
                null,
                id,
                null);
    }

    static List<String> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::id).toList();
    }

    @Test
    void anEventThatArrivesLateWithinTheWindowIsShownInItsPlace() {
        ReorderBuffer buffer = new ReorderBuffer(Duration.ofSeconds(1));
        buffer.add(at("10:00:00.500", "later"), T0);
        buffer.add(at("10:00:00.200", "earlier-but-late"), T0.plusMillis(400));

        assertEquals(List.of(), ids(buffer.due(T0.plusMillis(900))), "nothing has waited its window yet");
        assertEquals(List.of("earlier-but-late", "later"), ids(buffer.due(T0.plusMillis(1000))));
        assertEquals(List.of(), ids(buffer.due(T0.plusSeconds(5))));
    }

    @Test
    void aLaterEventStillInItsWindowWaits() {
        ReorderBuffer buffer = new ReorderBuffer(Duration.ofSeconds(1));
        buffer.add(at("10:00:01", "first"), T0);
        buffer.add(at("10:00:02", "second"), T0.plusMillis(800));

        assertEquals(List.of("first"), ids(buffer.due(T0.plusMillis(1000))));
        assertEquals(List.of("second"), ids(buffer.drain()));
    }

    @Test
    void sameTimeKeepsArrivalOrderAndAZeroWindowShowsAtOnce() {
        ReorderBuffer buffer = new ReorderBuffer(Duration.ZERO);
        buffer.add(at("10:00:00", "a"), T0);
        buffer.add(at("10:00:00", "b"), T0);

        assertEquals(List.of("a", "b"), ids(buffer.due(T0)));
    }
}
