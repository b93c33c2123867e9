package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code --wait}: polls a resource until it settles, with a progress line on stderr that changes
 * when the state does. A 404 while waiting counts as "not visible yet": services build their read
 * models from events, a moment after the write.
 */
public final class Waiter {

    /** How the waiter pauses; tests pass one that moves their clock instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public record Result(JsonNode resource, Settlement settlement) {

        public boolean failed() {
            return settlement.outcome() == Settlement.Outcome.FAILED;
        }
    }

    /** The failure a settled-in-failure result ends the command with ({@link ExitCodes#WAIT_FAILED}). */
    public static CliFailure failure(String what, Result result) {
        return CliFailure.waitFailed(what + " is " + result.settlement().state() + ": "
                + Settlement.reason(result.resource(), result.settlement()));
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintWriter progress;

    public Waiter(Clock clock, Sleeper sleeper, PrintWriter progress) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /**
     * @return the resource as last read, settled in success or failure (see {@link #failure})
     * @throws CliFailure {@link ExitCodes#WAIT_TIMED_OUT}
     */
    public Result await(
            String what,
            Supplier<JsonNode> poll,
            Function<JsonNode, Settlement> settle,
            Duration timeout,
            Duration interval) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        String lastShown = null;
        while (true) {
            JsonNode resource = null;
            Settlement s;
            try {
                resource = poll.get();
                s = settle.apply(resource);
            } catch (CliFailure f) {
                if (f.httpStatus() != 404) {
                    throw f;
                }
                s = new Settlement(Settlement.Outcome.PENDING, "not visible yet");
            }
            long elapsed = Duration.between(start, clock.instant()).toSeconds();
            if (!s.state().equals(lastShown) || s.outcome() != Settlement.Outcome.PENDING) {
                progress.printf("%s: %s (%ds)%n", what, s.state(), elapsed);
                progress.flush();
                lastShown = s.state();
            }
            if (s.outcome() != Settlement.Outcome.PENDING) {
                return new Result(resource, s);
            }
            if (!clock.instant().plus(interval).isBefore(deadline)) {
                throw CliFailure.waitTimedOut(what + " is still " + s.state() + " after " + timeout.toSeconds()
                        + "s; run the command's show verb later, or wait longer with --timeout");
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CliFailure.waitTimedOut(what + " is still " + s.state() + " (interrupted)");
            }
        }
    }
}
