package dev.peering.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ARM APIs as the console calls them: the same paths, bodies and tokens as any other client, through
 * the gateway by default ({@code peering.console.api-url}). Every call carries the signed-in user's token.
 */
@ApplicationScoped
public class ArmClient {

    public static final String API_VERSION = "2022-10-01";

    private final ObjectMapper json;
    private final ConsoleConfig config;
    private final HttpClient http;

    public ArmClient(ObjectMapper json, ConsoleConfig config) {
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public ArmResult get(SignedInUser user, String path) {
        return send(user, "GET", path, null);
    }

    public ArmResult put(SignedInUser user, String path, JsonNode body) {
        return send(user, "PUT", path, body);
    }

    public ArmResult patch(SignedInUser user, String path, JsonNode body) {
        return send(user, "PATCH", path, body);
    }

    public ArmResult post(SignedInUser user, String path, JsonNode body) {
        return send(user, "POST", path, body);
    }

    public ArmResult delete(SignedInUser user, String path) {
        return send(user, "DELETE", path, null);
    }

    /** Every item of a list, following {@code nextLink} (bounded: a console page shows at most a few pages). */
    public List<JsonNode> list(SignedInUser user, String path) {
        List<JsonNode> items = new ArrayList<>();
        ArmResult page = get(user, path);
        for (int pages = 0; page.ok() && pages < 10; pages++) {
            page.body().path("value").forEach(items::add);
            String next = page.body().path("nextLink").asText("");
            if (next.isEmpty()) {
                break;
            }
            URI uri = URI.create(next);
            page = get(user, uri.getRawPath() + "?" + uri.getRawQuery());
        }
        if (!page.ok()) {
            throw new ArmFailure(page);
        }
        return items;
    }

    private ArmResult send(SignedInUser user, String method, String path, JsonNode body) {
        String separator = path.contains("?") ? "&" : "?";
        String url = config.apiUrl()
                + path
                + (path.contains("api-version=") ? "" : separator + "api-version=" + API_VERSION);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.apiTimeout())
                .header("Authorization", user.bearer())
                .header("Accept", "application/json");
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else if (method.equals("POST") || method.equals("PUT")) {
                request.method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json");
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = response.body().length == 0 ? null : parse(response.body());
            return new ArmResult(response.statusCode(), answer);
        } catch (IOException e) {
            throw new ServiceUnavailable(
                    "The peering APIs at " + config.apiUrl() + " did not answer ("
                            + e.getClass().getSimpleName() + "). Pages will work again once they are back.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("Interrupted while calling the peering APIs.", e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            // not JSON (a proxy's page): show the status only
            return null;
        }
    }
}
