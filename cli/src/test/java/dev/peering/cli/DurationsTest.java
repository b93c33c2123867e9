package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsWhatPeopleType() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("--timeout", "90"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("--timeout", "90s"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("--timeout", "10m"));
        assertEquals(Duration.ofHours(2), Durations.parse("--timeout", "2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("--timeout", "1d"));
        assertEquals(Duration.ofMillis(250), Durations.parse("--interval", "250ms"));
        assertEquals(Duration.ofHours(13), Durations.parse("--timeout", "13h"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("--timeout", "1h30m"));
    }

    @Test
    void refusesTheRestAsUsage() {
        CliFailure f = assertThrows(CliFailure.class, () -> Durations.parse("--timeout", "soon"));
        assertEquals(ExitCodes.USAGE, f.exitCode());
        assertThrows(CliFailure.class, () -> Durations.parse("--timeout", "1h-30m"));
        assertThrows(CliFailure.class, () -> Durations.parse("--timeout", ""));
        assertEquals("--timeout 'soon' is not a duration: use e.g. 30, 30s, 10m, 2h, 1h30m or 1d", f.getMessage());
    }

    @Test
    void formatsWhatAProgressLineShows() {
        assertEquals("36s", Durations.format(Duration.ofSeconds(36)));
        assertEquals("12m05s", Durations.format(Duration.ofSeconds(725)));
        assertEquals("13h00m", Durations.format(Duration.ofHours(13)));
    }
}
