package dev.peering.registration.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.core.PeeringRef;
import dev.peering.registration.config.RegistrationConfig;
import dev.peering.registration.domain.OriginCheck;
import dev.peering.registration.persistence.RegisteredAsnRepository;
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
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The origin-ASN check (ADR 0020): reads the routes the route server received for a prefix from the
 * peering's sessions, with connection-service's ReceivedRoutes_ListByPeering and a service token, and judges
 * them against the peering's registered ASNs. It runs in the validation step, never in a user's request; an
 * answer that cannot be had now leaves the prefix Pending, to be asked again.
 */
@ApplicationScoped
public class RouteOrigins {

    private static final Logger LOG = Logger.getLogger(RouteOrigins.class);
    // short: the step holds the prefix's row lock while it asks
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String NOT_AVAILABLE = "ReceivedRoutesNotAvailable";

    @Inject
    RegistrationConfig config;

    @Inject
    RegisteredAsnRepository registeredAsns;

    @Inject
    ObjectMapper json;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The origin check of {@code prefix} on the peering {@code peering} (known here as {@code peeringId}). */
    public OriginCheck check(PeeringRef peering, String peeringId, String prefix) {
        return OriginCheck.judge(routes(peering, prefix), registeredAsns.asnsOf(peeringId));
    }

    private OriginCheck.Routes routes(PeeringRef peering, String prefix) {
        if (config.routesUrl().isEmpty()) {
            return new OriginCheck.NoRouter("no route source is configured (peering.registration.routes-url), so"
                    + " no received routes were read.");
        }
        URI uri = URI.create(config.routesUrl().get().replaceAll("/+$", "")
                + peering.resourceId() + "/receivedRoutes?api-version=2022-10-01&$top=1000&prefix="
                + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        config.routesToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return read(response.statusCode(), response.body());
        } catch (IOException e) {
            return unreachable("cannot read the received routes: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("interrupted while reading the received routes");
        }
    }

    private OriginCheck.Routes read(int status, String body) throws IOException {
        JsonNode answer = json.readTree(body.isEmpty() ? "{}" : body);
        if (status == 409
                && NOT_AVAILABLE.equals(answer.path("error").path("code").asText())) {
            // connection-service's own words, e.g. that it simulates its BGP sessions
            return new OriginCheck.NoRouter("connection-service holds no received routes ("
                    + answer.path("error").path("message").asText() + ")");
        }
        if (status != 200) {
            return unreachable("connection-service answered " + status + " for the received routes");
        }
        // the prefix filter leaves one route per session at most: one page holds them
        List<String> asPaths = new ArrayList<>();
        for (JsonNode route : answer.path("value")) {
            asPaths.add(route.path("asPath").asText(""));
        }
        return new OriginCheck.Received(asPaths);
    }

    private static OriginCheck.Routes unreachable(String why) {
        LOG.warnf("origin-ASN check: %s; the prefix stays Pending and is validated again", why);
        return new OriginCheck.Unreachable(why);
    }
}
