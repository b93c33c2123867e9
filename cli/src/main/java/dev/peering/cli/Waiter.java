package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code --wait}: polls a resource until it settles, with a progress line on stderr that changes
 * when the state does. A 404 while waiting on something just written counts as "not visible yet":
 * services build their read models from events, a moment after the write. A service that cannot be
 * reached or answers 5xx (a restart, a database failover, the gateway in front of either) does not end
 * the wait: it is said on stderr and polled again with a growing pause, {@code Retry-After} honoured,
 * until the timeout. Any other error ends it.
 */
public final class Waiter {

    /** The longest pause between two polls after transient errors (unless Retry-After asks for more). */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

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

    /** Waits on something just written: a 404 means "not visible yet". */
    public Result await(
            String what,
            Supplier<JsonNode> poll,
            Function<JsonNode, Settlement> settle,
            Duration timeout,
            Duration interval) {
        return await(what, poll, settle, timeout, interval, true);
    }

    /**
     * @param notFoundIsPending whether a 404 means "not visible yet" (after a write) or ends the wait
     *     (a {@code show --wait} of a name that does not exist)
     * @return the resource as last read, settled in success or failure (see {@link #failure})
     * @throws CliFailure {@link ExitCodes#WAIT_TIMED_OUT}, or the error that ended the wait
     */
    public Result await(
            String what,
            Supplier<JsonNode> poll,
            Function<JsonNode, Settlement> settle,
            Duration timeout,
            Duration interval,
            boolean notFoundIsPending) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        String lastShown = null;
        int transientInARow = 0;
        CliFailure lastTransient = null;
        boolean seen = false;
        while (true) {
            JsonNode resource = null;
            Settlement s = null;
            Duration pause = interval;
            try {
                resource = poll.get();
                s = settle.apply(resource);
                seen = true;
                transientInARow = 0;
                lastTransient = null;
            } catch (CliFailure f) {
                if (f.httpStatus() == 404 && (notFoundIsPending || seen)) {
                    s = new Settlement(Settlement.Outcome.PENDING, "not visible yet");
                    transientInARow = 0;
                    lastTransient = null;
                } else if (f.isTransient()) {
                    transientInARow++;
                    lastTransient = f;
                    pause = backoff(interval, transientInARow, f.retryAfter());
                } else {
                    throw f;
                }
            }
            String elapsed =
                    Durations.format(Duration.between(start, clock.instant()).truncatedTo(ChronoUnit.SECONDS));
            if (s != null && (!s.state().equals(lastShown) || s.outcome() != Settlement.Outcome.PENDING)) {
                progress.printf("%s: %s (%s)%n", what, s.state(), elapsed);
                progress.flush();
                lastShown = s.state();
            }
            if (s != null && s.outcome() != Settlement.Outcome.PENDING) {
                return new Result(resource, s);
            }
            Instant next = clock.instant().plus(pause);
            if (lastTransient != null) {
                progress.printf(
                        "%s: %s; still waiting, next try in %s (%s)%n",
                        what, seen(lastTransient), Durations.format(pause), elapsed);
                progress.flush();
                // a later state line says where the resource stands once the service answers again
                lastShown = null;
            }
            if (!next.isBefore(deadline)) {
                String where = lastTransient != null
                        ? "the last answer was: " + seen(lastTransient)
                        : "it is still " + (lastShown == null ? "not visible" : lastShown);
                throw CliFailure.waitTimedOut(what + " did not settle within " + Durations.format(timeout) + " ("
                        + where + "); run the command's show verb later, or wait longer with --timeout");
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CliFailure.waitTimedOut(what + " did not settle (interrupted)");
            }
        }
    }

    /**
     * The pause after the {@code n}th transient error in a row: the interval doubled each time, at
     * most {@link #MAX_BACKOFF}, and never shorter than the service's Retry-After.
     */
    static Duration backoff(Duration interval, int n, Duration retryAfter) {
        Duration pause = interval;
        for (int i = 1; i < n && pause.compareTo(MAX_BACKOFF) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        if (pause.compareTo(MAX_BACKOFF) > 0) {
            pause = MAX_BACKOFF;
        }
        return retryAfter != null && retryAfter.compareTo(pause) > 0 ? retryAfter : pause;
    }

    private static String seen(CliFailure f) {
        String line = f.httpStatus() > 0
                ? "HTTP " + f.httpStatus() + " " + f.armCode() + ": " + f.getMessage()
                : f.getMessage();
        return f.retryAfter() == null
                ? line
                : line + " (Retry-After " + f.retryAfter().toSeconds() + "s)";
    }
}
