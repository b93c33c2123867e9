package dev.peering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WaiterTest {

    /** A clock the sleeper moves, so waiting takes no time. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final StringWriter progress = new StringWriter();
    private final Waiter waiter = new Waiter(clock, d -> clock.now = clock.now.plus(d), new PrintWriter(progress));

    private static Supplier<JsonNode> states(String... states) {
        Deque<String> queue = new ArrayDeque<>(List.of(states));
        return () -> {
            String s = queue.size() > 1 ? queue.poll() : queue.peek();
            if (s.equals("404")) {
                throw CliFailure.arm(404, "NotFound", "not there").withStatus(404);
            }
            return ArmClient.JSON.createObjectNode().putObject("properties").put("validationState", s);
        };
    }

    @Test
    void followsUntilSettledAndShowsEachStateOnce() {
        Waiter.Result r = waiter.await(
                "peerAsn a",
                states("404", "Pending", "Pending", "Approved"),
                n -> Settlement.peerAsn(wrap(n)),
                Duration.ofMinutes(1),
                Duration.ofSeconds(2));

        assertEquals(Settlement.Outcome.SUCCEEDED, r.settlement().outcome());
        assertEquals(
                "peerAsn a: not visible yet (0s)%npeerAsn a: Pending (2s)%npeerAsn a: Approved (6s)%n".formatted(),
                progress.toString());
    }

    @Test
    void aFailedStateEndsTheWaitWithExitCode4AndTheReason() {
        Waiter.Result r = waiter.await(
                "peerAsn a",
                states("Pending", "Failed"),
                n -> Settlement.peerAsn(wrap(n)),
                Duration.ofMinutes(1),
                Duration.ofSeconds(1));

        assertTrue(r.failed());
        CliFailure f = Waiter.failure("peerAsn a", r);
        assertEquals(ExitCodes.WAIT_FAILED, f.exitCode());
        assertEquals("error: peerAsn a is Failed: Failed", f.userMessage());
    }

    @Test
    void givingUpIsExitCode5() {
        CliFailure f = assertThrows(
                CliFailure.class,
                () -> waiter.await(
                        "peerAsn a",
                        states("Pending"),
                        n -> Settlement.peerAsn(wrap(n)),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(3)));

        assertEquals(ExitCodes.WAIT_TIMED_OUT, f.exitCode());
        assertTrue(f.getMessage().startsWith("peerAsn a is still Pending after 10s"), f.getMessage());
        assertTrue(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), clock.now)
                        .toSeconds()
                <= 10);
    }

    @Test
    void anArmErrorOtherThanNotFoundStopsTheWait() {
        Supplier<JsonNode> forbidden = () -> {
            throw CliFailure.arm(403, "Forbidden", "no").withStatus(403);
        };
        CliFailure f = assertThrows(
                CliFailure.class,
                () -> waiter.await("x", forbidden, Settlement::peerAsn, Duration.ofSeconds(10), Duration.ofSeconds(1)));
        assertEquals(ExitCodes.ARM_ERROR, f.exitCode());
    }

    private static JsonNode wrap(JsonNode properties) {
        var root = ArmClient.JSON.createObjectNode();
        root.set("properties", properties);
        return root;
    }
}
