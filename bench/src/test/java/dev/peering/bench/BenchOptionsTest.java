package dev.peering.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreTheIssuesStandardRun() {
        BenchOptions o = BenchOptions.parse(new String[0], ROOT);
        assertEquals(List.of(5.0, 20.0, 50.0), o.rates());
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(List.of(1_000, 10_000, 100_000), o.peeringLevels());
        assertEquals(500, o.getRate());
        assertEquals(ROOT.resolve("docs/bench"), o.outDir());
        assertEquals(ROOT.resolve("bench/target/stack-data"), o.dataDir());
        assertFalse(o.useStackScript());
        assertEquals("http://127.0.0.1:28082", o.url("peering-service"));
        assertEquals("127.0.0.1:29092", o.bootstrapServers());
    }

    @Test
    void parsesAShortRun() {
        BenchOptions o = BenchOptions.parse(
                new String[] {
                    "--rates",
                    "2, 5,100",
                    "--duration",
                    "10s",
                    "--peerings",
                    "1k,none",
                    "--kafka-port",
                    "39092",
                    "--stack-script",
                    "--closed-concurrency",
                    "0"
                },
                ROOT);
        assertEquals(List.of(2.0, 5.0, 100.0), o.rates());
        assertEquals(Duration.ofSeconds(10), o.duration());
        assertEquals(List.of(1_000), o.peeringLevels());
        assertEquals(39092, o.port("kafka"));
        assertTrue(o.useStackScript());
        assertEquals(0, o.closedConcurrency());
    }

    @Test
    void durationsTakeUnitsOrIso() {
        assertEquals(Duration.ofMillis(500), BenchOptions.duration("500ms"));
        assertEquals(Duration.ofMinutes(2), BenchOptions.duration("2m"));
        assertEquals(Duration.ofSeconds(45), BenchOptions.duration("PT45S"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.duration("10x"));
    }

    @Test
    void refusesUnknownOptionsAndBadRates() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--nope"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rates", "0"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--duration"}, ROOT));
    }
}
