package dev.peering.localinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a service's readiness endpoint ({@code /q/health/ready}) to answer 200, watching its
 * process meanwhile, so a service that dies while starting is reported at once rather than at the
 * deadline.
 */
public final class Readiness {

    /** How a wait ended. */
    public enum Outcome {
        READY,
        EXITED,
        TIMED_OUT
    }

    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Polls {@code baseUrl + "/q/health/ready"} until it answers 200, {@code process} exits, or {@code timeout} passes. */
    public Outcome await(String baseUrl, Process process, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                return Outcome.EXITED;
            }
            if (isReady(request)) {
                return Outcome.READY;
            }
            if (System.nanoTime() > deadline) {
                return Outcome.TIMED_OUT;
            }
            process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean isReady(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
