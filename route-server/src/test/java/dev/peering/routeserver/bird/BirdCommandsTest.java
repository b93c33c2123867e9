package dev.peering.routeserver.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's output is bounded in bytes and in time; what it printed before a kill is kept. */
class BirdCommandsTest {

    private static final BirdCommands COMMANDS =
            new BirdCommands(Path.of("bird"), Path.of("birdc"), Duration.ofSeconds(20));

    @Test
    void outputBeyondTheBoundIsReadAndDroppedAndTheCutSaid() {
        CommandResult result = COMMANDS.run(
                List.of("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' x"), Duration.ofSeconds(10), 1000);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("x".repeat(1000) + "\n[output cut at 1000 bytes]"), result.output());
        assertEquals(
                1000 + "\n[output cut at 1000 bytes]".length(), result.output().length());
    }

    @Test
    void aCommandThatOutlivesItsLimitIsKilledAndWhatItPrintedKept() {
        CommandResult result =
                COMMANDS.run(List.of("sh", "-c", "echo first line; exec sleep 30"), Duration.ofSeconds(2), 1000);
        assertEquals(124, result.exitCode());
        assertTrue(result.output().startsWith("first line\n"), result.output());
        assertTrue(result.output().contains("did not finish within PT2S"), result.output());
    }
}
