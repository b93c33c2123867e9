package dev.peering.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GaugeSourceTest {

    enum State {
        Pending,
        Approved
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Object[]> rows = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();

    private GaugeSource source() {
        return new GaugeSource(
                registry, "peer.asns", "test", List.of("state"), PeriodicGauges.each(State.class), () -> {
                    reads.incrementAndGet();
                    return List.copyOf(rows);
                });
    }

    private double value(String state) {
        return registry.get("peer.asns").tag("state", state).gauge().value();
    }

    @Test
    void knownStatesAreExportedAsZeroBeforeTheFirstRead() {
        source();
        assertEquals(0.0, value("Pending"));
        assertEquals(0.0, value("Approved"));
        assertEquals(0, reads.get());
    }

    @Test
    void aScrapeReadsTheLastRefreshAndRunsNoQuery() {
        GaugeSource source = source();
        rows.add(new Object[] {State.Pending, 3L});
        source.refresh();
        rows.clear();
        rows.add(new Object[] {State.Pending, 5L});
        assertEquals(3.0, value("Pending"));
        assertEquals(3.0, value("Pending"));
        assertEquals(1, reads.get());
    }

    @Test
    void aStateThatDisappearsFromTheRowsGoesBackToZero() {
        GaugeSource source = source();
        rows.add(new Object[] {State.Pending, 2L});
        rows.add(new Object[] {State.Approved, 7L});
        source.refresh();
        rows.clear();
        rows.add(new Object[] {State.Approved, 9L});
        source.refresh();
        assertEquals(0.0, value("Pending"));
        assertEquals(9.0, value("Approved"));
    }

    @Test
    void aValueNotKnownBeforehandGetsItsOwnGauge() {
        GaugeSource source = source();
        rows.add(new Object[] {"Decommissioned", 1});
        source.refresh();
        assertEquals(1.0, value("Decommissioned"));
    }

    @Test
    void twoTagsAndNoTags() {
        GaugeSource sessions = new GaugeSource(
                registry,
                "sessions",
                "test",
                List.of("family", "state"),
                List.of(),
                () -> List.<Object[]>of(new Object[] {"ipv4", State.Approved, 4L}, new Object[] {"ipv6", "Idle", 1L}));
        sessions.refresh();
        assertEquals(
                4.0,
                registry.get("sessions")
                        .tags("family", "ipv4", "state", "Approved")
                        .gauge()
                        .value());
        assertEquals(
                1.0,
                registry.get("sessions")
                        .tags("family", "ipv6", "state", "Idle")
                        .gauge()
                        .value());

        GaugeSource total = new GaugeSource(
                registry, "total", "test", List.of(), List.of(List.of()), () -> List.<Object[]>of(new Object[] {12L}));
        assertEquals(0.0, registry.get("total").gauge().value());
        total.refresh();
        assertEquals(12.0, registry.get("total").gauge().value());
    }

    @Test
    void aRowOfTheWrongShapeIsRefused() {
        GaugeSource source = source();
        rows.add(new Object[] {State.Pending});
        assertThrows(IllegalArgumentException.class, source::refresh);
    }
}
