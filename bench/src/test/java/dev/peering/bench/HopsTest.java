package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HopsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHopRunsFromTheEventTimeToItsApplyAndSplitsAtTheRecordTimestamp() {
        List<TopicReader.Event> events = List.of(
                new TopicReader.Event("t", "e1", "x", "s", T0, T0.plusMillis(4), 100),
                new TopicReader.Event(
                        "t",
                        "e2",
                        "x",
                        "s",
                        T0.plusSeconds(10),
                        T0.plusSeconds(10).plusMillis(1),
                        100));
        List<Hops.Applied> applied = List.of(
                new Hops.Applied("a.t", "e1", T0.plusMillis(10)),
                new Hops.Applied("b.t", "e1", T0.plusMillis(30)),
                new Hops.Applied("a.t", "e2", T0.plusSeconds(10).plusMillis(3)),
                new Hops.Applied("a.t", "unknown", T0));
        List<Hops.Hop> hops = Hops.join(events, applied);
        assertEquals(3, hops.size());
        assertEquals(10.0, hops.get(0).totalMs(), 1e-9);
        assertEquals(4.0, hops.get(0).relayMs(), 1e-9);
        assertEquals(6.0, hops.get(0).consumeMs(), 1e-9);

        Hops.Summary first = Hops.summarise(hops, T0, T0.plusSeconds(5));
        assertEquals(2, first.total().count());
        assertEquals(10.0, first.total().p50(), 1e-9);
        assertEquals(30.0, first.total().p99(), 1e-9);
        assertEquals(30.0, first.byConsumer().get("b.t").p50(), 1e-9);

        Hops.Summary second = Hops.summarise(hops, T0.plusSeconds(5), T0.plusSeconds(20));
        assertEquals(1, second.total().count());
        assertEquals(3.0, second.total().p50(), 1e-9);
    }
}
