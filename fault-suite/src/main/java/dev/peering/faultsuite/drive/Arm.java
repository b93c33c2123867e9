package dev.peering.faultsuite.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The suite's REST client: every request carries the {@code Authorization} header from one supplier
 * and a correlation id; a service that is down (killed, frozen, restarting) or answers 5xx is tried
 * again until a deadline. Bodies are never logged: a registered ASN's body holds its Prefix Key.
 */
public final class Arm {

    public static final String API_VERSION = "2022-10-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One answer: the status, the parsed body ({@link MissingNode} when not JSON) and whether it carried a
     * {@code Retry-After} header.
     */
    public record Reply(int status, JsonNode body, boolean retryAfter) {

        public Reply(int status, JsonNode body) {
            this(status, body, false);
        }

        /** A 5xx a client cannot act on: anything but 503 with Retry-After (the services' "try again"). */
        public boolean unexpectedServerError() {
            return status >= 500 && !(status == 503 && retryAfter);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String errorCode() {
            return body.path("error").path("code").asText("");
        }

        /** What a person needs to see of a refusal: never the body of a success. */
        public String describe() {
            return ok()
                    ? "HTTP " + status
                    : "HTTP " + status + " " + errorCode() + ": "
                            + body.path("error").path("message").asText("");
        }
    }

    private final HttpClient http;
    private final Supplier<String> authorization;
    private final Function<URI, String> serviceName;
    private final Map<String, AtomicLong> serverErrors = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unexpectedServerErrors = new ConcurrentHashMap<>();
    private final AtomicLong unreachable = new AtomicLong();

    /** @param serviceName names the service a URL goes to, for the count of 5xx answers */
    public Arm(Supplier<String> authorization, Function<URI, String> serviceName) {
        this.authorization = authorization;
        this.serviceName = serviceName;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** One attempt; empty when the service could not be reached or did not answer in time. */
    public Optional<Reply> once(String method, String url, String body) throws InterruptedException {
        String separator = url.contains("?") ? "&" : "?";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + separator + "api-version=" + API_VERSION))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization.get())
                .header("x-ms-correlation-request-id", UUID.randomUUID().toString())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException e) {
                parsed = MissingNode.getInstance();
            }
            Reply reply = new Reply(
                    response.statusCode(),
                    parsed,
                    response.headers().firstValue("Retry-After").isPresent());
            if (reply.status() >= 500) {
                String what = reply.status() + " " + reply.errorCode() + (reply.retryAfter() ? " (Retry-After)" : "")
                        + " on " + method + " to " + serviceName.apply(URI.create(url));
                serverErrors.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
                if (reply.unexpectedServerError()) {
                    unexpectedServerErrors
                            .computeIfAbsent(what, key -> new AtomicLong())
                            .incrementAndGet();
                }
            }
            return Optional.of(reply);
        } catch (IOException e) {
            unreachable.incrementAndGet();
            return Optional.empty();
        }
    }

    /**
     * Tries until an answer is neither 5xx nor {@code retryable}, or {@code deadline} (System.nanoTime)
     * passes; then the last answer, empty when there was none.
     */
    public Optional<Reply> until(String method, String url, String body, Predicate<Reply> retryable, long deadline)
            throws InterruptedException {
        return attempts(method, url, body, retryable, deadline).last();
    }

    /**
     * What {@link #until} did: the last answer, and how many attempts got no answer or a 5xx, so that
     * nobody knows whether the service applied them.
     */
    public record Attempts(Optional<Reply> last, int unanswered) {}

    /** {@link #until}, counting the attempts whose outcome is unknown. */
    public Attempts attempts(String method, String url, String body, Predicate<Reply> retryable, long deadline)
            throws InterruptedException {
        long backoff = 200;
        Optional<Reply> last = Optional.empty();
        int unanswered = 0;
        while (true) {
            Optional<Reply> reply = once(method, url, body);
            if (reply.isPresent() && reply.get().status() < 500 && !retryable.test(reply.get())) {
                return new Attempts(reply, unanswered);
            }
            if (reply.isEmpty() || reply.get().status() >= 500) {
                unanswered++;
            }
            last = reply.isPresent() ? reply : last;
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) > deadline) {
                return new Attempts(last, unanswered);
            }
            TimeUnit.MILLISECONDS.sleep(backoff);
            backoff = Math.min(2000, backoff * 2);
        }
    }

    /** 5xx answers seen, by status, error code, method and port. */
    public Map<String, AtomicLong> serverErrors() {
        return serverErrors;
    }

    /** The 5xx answers other than 503 with Retry-After, which are defects: the same keys as {@link #serverErrors}. */
    public Map<String, AtomicLong> unexpectedServerErrors() {
        return unexpectedServerErrors;
    }

    public long unreachable() {
        return unreachable.get();
    }
}
