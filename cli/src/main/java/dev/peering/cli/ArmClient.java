package dev.peering.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls one service the way ARM clients do: {@code api-version} on every URL, a correlation id on every
 * request (one per command, so {@code watch} can follow everything the command caused), the bearer
 * token when there is one, and ARM error bodies turned into {@link CliFailure}s.
 */
public final class ArmClient {

    public static final String API_VERSION = "2022-10-01";
    public static final String CORRELATION_HEADER = "x-ms-correlation-request-id";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String token;
    private final String correlationId;
    private final PrintWriter verbose;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    /** @param verbose where requests are traced, or null */
    public ArmClient(HttpClient http, String token, String correlationId, PrintWriter verbose) {
        this.http = http;
        this.token = token;
        this.correlationId = correlationId;
        this.verbose = verbose;
    }

    /** Sends this header on every later request of this client. */
    public ArmClient withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public String correlationId() {
        return correlationId;
    }

    /** A response that is not an error: its status and its body (a NullNode when it has none). */
    public record Response(int status, JsonNode body) {}

    public Response get(URI base, String path, Map<String, String> query) {
        return send("GET", url(base, path, query), null);
    }

    public Response send(String method, URI base, String path, Map<String, String> query, JsonNode body) {
        return send(method, url(base, path, query), body);
    }

    /** Every item of a list, following {@code nextLink} when {@code all}; otherwise the first page. */
    public Page list(URI base, String path, Map<String, String> query, boolean all) {
        List<JsonNode> items = new ArrayList<>();
        URI next = url(base, path, query);
        String nextLink;
        do {
            JsonNode page = send("GET", next, null).body();
            page.path("value").forEach(items::add);
            nextLink = page.path("nextLink").isTextual() ? page.path("nextLink").asText() : null;
            next = nextLink == null ? null : withApiVersion(nextLink);
        } while (all && next != null);
        return new Page(items, nextLink != null);
    }

    /** The items read and whether the service has more pages. */
    public record Page(List<JsonNode> items, boolean more) {}

    static URI url(URI base, String path, Map<String, String> query) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("api-version", API_VERSION);
        if (query != null) {
            params.putAll(query);
        }
        StringBuilder url = new StringBuilder(base.toString()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            url.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return URI.create(url.toString());
    }

    static URI withApiVersion(String link) {
        if (link.contains("api-version=")) {
            return URI.create(link);
        }
        return URI.create(link + (link.contains("?") ? "&" : "?") + "api-version=" + API_VERSION);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Response send(String method, URI url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header(CORRELATION_HEADER, correlationId);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        extraHeaders.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        trace("> " + method + " " + url + "  (" + CORRELATION_HEADER + ": " + correlationId + ")");
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw CliFailure.unreachable(url.getScheme() + "://" + url.getAuthority() + " (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreachable(url.getAuthority() + " (interrupted)", e);
        }
        trace("< " + response.statusCode());
        JsonNode parsed = parse(response.body());
        if (response.statusCode() >= 400) {
            JsonNode error = parsed.path("error");
            String message = error.path("message").isTextual()
                    ? error.path("message").asText()
                    : abbreviate(parsed.isTextual() ? parsed.asText() : null);
            throw CliFailure.arm(response.statusCode(), error.path("code").asText(null), message)
                    .withStatus(response.statusCode())
                    .withRetryAfter(retryAfter(response));
        }
        return new Response(response.statusCode(), parsed);
    }

    /** {@code Retry-After} in seconds (what every 503 of the project sends); null when absent or a date. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(v -> v.trim().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
                .orElse(null);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private void trace(String line) {
        if (verbose != null) {
            verbose.println(line);
            verbose.flush();
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written", e);
        }
    }
}
