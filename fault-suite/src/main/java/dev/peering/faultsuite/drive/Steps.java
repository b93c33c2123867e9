package dev.peering.faultsuite.drive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One workflow's REST steps, each bounded by the step timeout: send a request until its answer is final,
 * or read a resource until it shows what the workflow waits for. A step that does not get there throws
 * {@link StepFailed}, and the workflow is reported stuck.
 */
final class Steps {

    /**
     * How a wait reads a resource again: soon at first, then less often, as a client polling an ARM
     * resource would. With hundreds of workflows waiting at once, a fixed short interval made the suite's
     * own GETs the biggest load on the machine (about 1,300 GET/s for 650 waiting workflows at 500 ms),
     * which slowed every restart the faults caused.
     */
    static final Duration FIRST_POLL = Duration.ofMillis(250);

    static final Duration LONGEST_POLL = Duration.ofSeconds(3);

    private final int index;
    private final Arm arm;
    private final Ledger ledger;
    private final Duration stepTimeout;

    Steps(int index, Arm arm, Ledger ledger, Duration stepTimeout) {
        this.index = index;
        this.arm = arm;
        this.ledger = ledger;
        this.stepTimeout = stepTimeout;
    }

    Arm arm() {
        return arm;
    }

    long deadline() {
        return System.nanoTime() + stepTimeout.toNanos();
    }

    long timeoutSeconds() {
        return stepTimeout.toSeconds();
    }

    /** A PUT until its answer is final; a 2xx is acknowledged as {@code kind}. */
    Arm.Attempts put(Ack.Kind kind, String url, String body, Predicate<Arm.Reply> refusedForNow)
            throws InterruptedException {
        // A PUT is idempotent: a 409 ConcurrentModification (another writer of the same resource won a race;
        // the answer says "read it again and retry") is tried again, as the answer asks a client to.
        Predicate<Arm.Reply> retryable =
                refusedForNow.or(r -> r.status() == 409 && r.errorCode().equals("ConcurrentModification"));
        Arm.Attempts attempts = arm.attempts("PUT", url, body, retryable, deadline());
        Optional<Arm.Reply> reply = attempts.last();
        if (reply.isEmpty()) {
            throw new StepFailed("PUT " + kind + " got no answer within " + timeoutSeconds() + " s");
        }
        if (reply.get().status() >= 500 || retryable.test(reply.get())) {
            throw new StepFailed(
                    "PUT " + kind + " still answered " + reply.get().describe() + " after " + timeoutSeconds() + " s");
        }
        if (!reply.get().ok()) {
            throw new StepFailed("PUT " + kind + " refused: " + reply.get().describe());
        }
        ledger.acknowledged(new Ack(kind, index, url));
        return attempts;
    }

    /**
     * Sends until an answer is final; a 2xx is success, and so is an answer {@code doneBefore} accepts when an
     * earlier attempt's answer was lost (a 404 for a deletion that one of them already did).
     */
    Arm.Attempts send(
            String what,
            String method,
            String url,
            String body,
            Predicate<Arm.Reply> retryable,
            Predicate<Arm.Reply> doneBefore)
            throws InterruptedException {
        Arm.Attempts attempts = arm.attempts(method, url, body, retryable, deadline());
        Optional<Arm.Reply> reply = attempts.last();
        if (reply.isEmpty()) {
            throw new StepFailed(what + " got no answer within " + timeoutSeconds() + " s");
        }
        if (reply.get().status() >= 500 || retryable.test(reply.get())) {
            throw new StepFailed(what + " still answered " + reply.get().describe());
        }
        boolean done = reply.get().ok() || attempts.unanswered() > 0 && doneBefore.test(reply.get());
        if (!done) {
            throw new StepFailed(what + " refused: " + reply.get().describe());
        }
        ledger.acknowledged();
        return attempts;
    }

    /**
     * An operator's action that may come too late (the connection moved on): sent until its answer is final,
     * 2xx or 409 {@code InvalidConnectionStateTransition}, which the caller tells apart by reading the
     * connection back. Nothing is acknowledged here.
     */
    void sendOrRefused(String what, String url, String body) throws InterruptedException {
        Arm.Attempts attempts = arm.attempts("POST", url, body, reply -> false, deadline());
        Optional<Arm.Reply> reply = attempts.last();
        if (reply.isEmpty() || reply.get().status() >= 500) {
            throw new StepFailed(what + " got " + reply.map(Arm.Reply::describe).orElse("no answer"));
        }
        if (!reply.get().ok() && !refusedTransition(reply.get())) {
            throw new StepFailed(what + " refused: " + reply.get().describe());
        }
    }

    /** 409 InvalidConnectionStateTransition: the connection is not (or no longer) where the action applies. */
    static boolean refusedTransition(Arm.Reply reply) {
        return reply.status() == 409 && reply.errorCode().equals("InvalidConnectionStateTransition");
    }

    /** Reads the resource until it answers 2xx and {@code condition} holds; returns it. */
    JsonNode await(String url, Predicate<JsonNode> condition, String waitingFor) throws InterruptedException {
        long deadline = deadline();
        String last = "no answer";
        long pollMillis = FIRST_POLL.toMillis();
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent() && reply.get().ok()) {
                if (condition.test(reply.get().body())) {
                    return reply.get().body();
                }
                last = reply.get().body().toString();
            } else {
                last = reply.map(Arm.Reply::describe).orElse("no answer");
            }
            pollMillis = pause(pollMillis);
        }
        throw new StepFailed(
                url + " not " + waitingFor + " within " + timeoutSeconds() + " s, last seen: " + abbreviate(last));
    }

    JsonNode awaitThere(String url) throws InterruptedException {
        return await(url, resource -> true, "there");
    }

    void awaitGone(String url) throws InterruptedException {
        long deadline = deadline();
        String last = "no answer";
        long pollMillis = FIRST_POLL.toMillis();
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent() && reply.get().status() == 404) {
                return;
            }
            last = reply.map(Arm.Reply::describe).orElse("no answer");
            pollMillis = pause(pollMillis);
        }
        throw new StepFailed(url + " not gone within " + timeoutSeconds() + " s, last seen: " + last);
    }

    void awaitFinal(Ack.Kind kind, String url) throws InterruptedException {
        long deadline = deadline();
        String last = "no answer";
        long pollMillis = FIRST_POLL.toMillis();
        while (System.nanoTime() < deadline) {
            Optional<Arm.Reply> reply = arm.once("GET", url, null);
            if (reply.isPresent() && reply.get().ok()) {
                JsonNode resource = reply.get().body();
                if (kind.isFinal(resource)) {
                    return;
                }
                last = kind.state(resource);
            } else if (reply.isPresent()) {
                last = reply.get().describe();
            }
            pollMillis = pause(pollMillis);
        }
        throw new StepFailed(kind + " not final within " + timeoutSeconds() + " s, last seen: " + last);
    }

    /** Sleeps about {@code millis} (jittered by up to a fifth, so waits do not fall into step); returns the next. */
    static long pause(long millis) throws InterruptedException {
        long jitter = millis / 5;
        TimeUnit.MILLISECONDS.sleep(
                millis - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1));
        return Math.min(LONGEST_POLL.toMillis(), millis * 3 / 2);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** A step that did not get where it should within the step timeout: the workflow is stuck. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
