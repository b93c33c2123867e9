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
import java.util.ArrayList;
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
    private final List<Duration> pauses = new ArrayList<>();
    private final Waiter waiter = new Waiter(
            clock,
            d -> {
                pauses.add(d);
                clock.now = clock.now.plus(d);
            },
            new PrintWriter(progress));

    private static Supplier<JsonNode> states(String... states) {
        Deque<String> queue = new ArrayDeque<>(List.of(states));
        return () -> {
            String s = queue.size() > 1 ? queue.poll() : queue.peek();
            switch (s) {
                case "404" -> throw CliFailure.arm(404, "NotFound", "not there").withStatus(404);
                case "503" -> throw CliFailure.arm(503, "ServiceUnavailable", "database unavailable")
                        .withStatus(503)
                        .withRetryAfter(Duration.ofSeconds(7));
                case "502" -> throw CliFailure.arm(502, "BadGateway", "peering-service did not answer")
                        .withStatus(502);
                case "504" -> throw CliFailure.arm(504, "GatewayTimeout", "no answer in time")
                        .withStatus(504);
                case "refused" -> throw CliFailure.unreachable(
                        "http://localhost:8080 (ConnectException)", new java.net.ConnectException());
                default -> {}
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
        assertTrue(
                f.getMessage().startsWith("peerAsn a did not settle within 10s (it is still Pending)"), f.getMessage());
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

    @Test
    void transientErrorsAreSaidAndRetriedWithGrowingPausesUntilTheResourceSettles() {
        Waiter.Result r = waiter.await(
                "peerAsn a",
                states("Pending", "refused", "502", "504", "refused", "Pending", "Approved"),
                n -> Settlement.peerAsn(wrap(n)),
                Duration.ofHours(13),
                Duration.ofSeconds(2));

        assertEquals(Settlement.Outcome.SUCCEEDED, r.settlement().outcome());
        // the interval, then doubled per error in a row, then the interval again once it answers
        assertEquals(
                List.of(2, 2, 4, 8, 16, 2).stream().map(Duration::ofSeconds).toList(), pauses);
        String said = progress.toString();
        assertTrue(
                said.contains("peerAsn a: cannot reach http://localhost:8080 (ConnectException); still waiting,"
                        + " next try in 2s (2s)"),
                said);
        assertTrue(
                said.contains("peerAsn a: HTTP 502 BadGateway: peering-service did not answer; still waiting,"
                        + " next try in 4s (4s)"),
                said);
        assertTrue(said.contains("HTTP 504 GatewayTimeout"), said);
        assertTrue(said.contains("peerAsn a: Pending (32s)"), "the state once it answers again: " + said);
        assertTrue(said.endsWith("peerAsn a: Approved (34s)%n".formatted()), said);
    }

    @Test
    void retryAfterIsHonouredAndPausesStopGrowingAtTheCap() {
        assertEquals(Duration.ofSeconds(7), Waiter.backoff(Duration.ofSeconds(2), 1, Duration.ofSeconds(7)));
        assertEquals(Duration.ofSeconds(8), Waiter.backoff(Duration.ofSeconds(2), 3, Duration.ofSeconds(7)));
        assertEquals(Waiter.MAX_BACKOFF, Waiter.backoff(Duration.ofSeconds(2), 40, null));
        assertEquals(Duration.ofMinutes(5), Waiter.backoff(Duration.ofSeconds(2), 40, Duration.ofMinutes(5)));

        waiter.await(
                "peerAsn a",
                states("503", "Approved"),
                n -> Settlement.peerAsn(wrap(n)),
                Duration.ofMinutes(1),
                Duration.ofSeconds(2));

        assertEquals(List.of(Duration.ofSeconds(7)), pauses);
        assertTrue(
                progress.toString().contains("HTTP 503 ServiceUnavailable: database unavailable (Retry-After 7s)"),
                progress.toString());
    }

    @Test
    void aServiceThatNeverComesBackEndsInTheTimeoutWithWhatWasLastSeen() {
        CliFailure f = assertThrows(
                CliFailure.class,
                () -> waiter.await(
                        "peerAsn a",
                        states("Pending", "503"),
                        n -> Settlement.peerAsn(wrap(n)),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(2)));

        assertEquals(ExitCodes.WAIT_TIMED_OUT, f.exitCode());
        assertTrue(
                f.getMessage()
                        .startsWith("peerAsn a did not settle within 10m00s (the last answer was: HTTP 503"
                                + " ServiceUnavailable: database unavailable (Retry-After 7s))"),
                f.getMessage());
        assertTrue(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), clock.now)
                        .compareTo(Duration.ofMinutes(10))
                <= 0);
    }

    @Test
    void aShowOfANameThatDoesNotExistEndsAtOnceButAWriteIsWaitedFor() {
        CliFailure f = assertThrows(
                CliFailure.class,
                () -> waiter.await(
                        "peerAsn a",
                        states("404"),
                        n -> Settlement.peerAsn(wrap(n)),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(2),
                        false));
        assertEquals(ExitCodes.ARM_ERROR, f.exitCode());
        assertTrue(pauses.isEmpty());

        Waiter.Result r = waiter.await(
                "peerAsn a",
                states("503", "404", "Approved"),
                n -> Settlement.peerAsn(wrap(n)),
                Duration.ofMinutes(10),
                Duration.ofSeconds(2),
                true);
        assertEquals(Settlement.Outcome.SUCCEEDED, r.settlement().outcome());
    }

    private static JsonNode wrap(JsonNode properties) {
        var root = ArmClient.JSON.createObjectNode();
        root.set("properties", properties);
        return root;
    }
}
