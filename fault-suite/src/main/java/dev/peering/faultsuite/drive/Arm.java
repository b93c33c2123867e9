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

    /** One answer: the status and the parsed body ({@link MissingNode} when not JSON). */
    public record Reply(int status, JsonNode body) {

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
            Reply reply = new Reply(response.statusCode(), parsed);
            if (reply.status() >= 500) {
                serverErrors
                        .computeIfAbsent(
                                reply.status() + " " + reply.errorCode() + " on " + method + " to "
                                        + serviceName.apply(URI.create(url)),
                                key -> new AtomicLong())
                        .incrementAndGet();
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
        long backoff = 200;
        Optional<Reply> last = Optional.empty();
        while (true) {
            Optional<Reply> reply = once(method, url, body);
            if (reply.isPresent() && reply.get().status() < 500 && !retryable.test(reply.get())) {
                return reply;
            }
            last = reply.isPresent() ? reply : last;
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) > deadline) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(backoff);
            backoff = Math.min(2000, backoff * 2);
        }
    }

    /** 5xx answers seen, by status, error code, method and port. */
    public Map<String, AtomicLong> serverErrors() {
        return serverErrors;
    }

    public long unreachable() {
        return unreachable.get();
    }
}
