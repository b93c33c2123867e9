package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowTest {

    @Test
    void latencyAtOrUnderTargetPassesAndOverMisses() {
        assertEquals(
                "pass", Row.of("p99", 50, "ms", 10, "floor").target(50, false).verdict());
        assertEquals(
                "miss", Row.of("p99", 50.1, "ms", 10, "floor").target(50, false).verdict());
    }

    @Test
    void throughputAtOrOverTargetPassesAndUnderMisses() {
        assertEquals(
                "pass",
                Row.of("rate", 100, "workflows/s", 200, "ceiling")
                        .target(100, true)
                        .verdict());
        assertEquals(
                "miss",
                Row.of("rate", 5, "workflows/s", 200, "ceiling")
                        .target(100, true)
                        .verdict());
        assertEquals(
                ">= 100 workflows/s",
                Row.of("rate", 5, "workflows/s", 200, "c").target(100, true).targetText());
    }

    @Test
    void ratioIsValueOverLimitAndMissingWithoutALimit() {
        assertEquals(0.025, Row.of("rate", 5, "workflows/s", 200, "ceiling").ratio(), 1e-12);
        assertEquals(4.0, Row.of("p99", 40, "ms", 10, "floor").ratio(), 1e-12);
        assertTrue(Double.isNaN(Row.of("rss", 1000, "MB", Double.NaN, "none").ratio()));
        assertTrue(Double.isNaN(Row.of("p99", 40, "ms", 0, "zero").ratio()));
    }

    @Test
    void noValueIsNotMeasuredAndNoTargetIsBlank() {
        assertEquals(
                "not measured",
                Row.of("p99", Double.NaN, "ms", 1, "f").target(5, false).verdict());
        assertEquals("", Row.of("p50", 3, "ms", 1, "f").verdict());
        assertEquals("", Row.of("p50", 3, "ms", 1, "f").targetText());
    }
}
