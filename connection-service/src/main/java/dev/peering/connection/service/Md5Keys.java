package dev.peering.connection.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.connection.config.RouteServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Pulls a session's MD5 key from peering-service, which alone stores it (ADR 0006, ADR 0014), over its
 * internal pull API: never over Kafka, never logged, kept only for the one configuration being generated.
 */
@ApplicationScoped
public class Md5Keys {

    private static final Logger LOG = Logger.getLogger(Md5Keys.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    RouteServerConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The key of the connection {@code connectionId} (its ARM id), or empty when it cannot be had now. */
    public Optional<String> keyOf(String connectionId) {
        if (config.md5KeysUrl().isEmpty() || config.md5KeysToken().isEmpty()) {
            LOG.warnf(
                    "connection %s has an MD5 key but peering.route-server.md5-keys-url/-token are not set:"
                            + " its session stays off the route server",
                    connectionId);
            return Optional.empty();
        }
        URI uri = URI.create(
                config.md5KeysUrl().get().replaceAll("/+$", "") + "/internal/route-server/md5-keys?connectionId="
                        + URLEncoder.encode(connectionId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + config.md5KeysToken().get())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("peering-service answered %d for the MD5 key of %s", response.statusCode(), connectionId);
                return Optional.empty();
            }
            JsonNode key = json.readTree(response.body()).path("md5AuthenticationKey");
            return key.isTextual() ? Optional.of(key.asText()) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("cannot pull the MD5 key of %s from peering-service: %s", connectionId, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
