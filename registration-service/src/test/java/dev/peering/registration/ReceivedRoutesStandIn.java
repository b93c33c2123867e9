package dev.peering.registration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A stand-in for connection-service's ReceivedRoutes_ListByPeering (ADR 0020), which the origin-ASN check
 * reads: connection-service itself serves routes only with a real BIRD on an emulated exchange LAN
 * ({@code RouteServerIT} there), which a registration-service test cannot start. It answers in
 * connection-service's shapes: a peering the test gave a router answers 200 with the routes the test put for
 * it; every other peering answers 409 {@code ReceivedRoutesNotAvailable} with the simulated BGP's message,
 * exactly as connection-service does with its default provisioner, so the other tests of this module run
 * the not-checked path. Tests steer it over HTTP ({@link #router}, {@link #announce}, {@link #down}), since
 * a test resource and the tests may not share a class loader.
 */
public class ReceivedRoutesStandIn implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "routes-reader-token-of-the-tests";
    private static final String SIMULATED = "{\"error\":{\"code\":\"ReceivedRoutesNotAvailable\",\"message\":"
            + "\"This deployment simulates its BGP sessions (peering.route-server.provisioner=simulated): no router"
            + " holds received routes.\"}}";

    private HttpServer server;
    private final Map<String, List<String[]>> routes = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of(
                "peering.registration.routes-url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "peering.registration.routes-token",
                TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Gives the peering a router (its routes are read, none yet). */
    static void router(String peeringId) {
        control("router", peeringId);
    }

    /** The peering's router receives {@code prefix} with {@code asPath} (neighbour first, origin last). */
    static void announce(String peeringId, String prefix, String asPath) {
        control("announce", peeringId + "|" + prefix + "|" + asPath);
    }

    /** Whether the stand-in answers 503 to every read, as a connection-service that is down. */
    static void down(boolean isDown) {
        control("down", Boolean.toString(isDown));
    }

    /** The reads so far, one a line: the Authorization header, the path and the prefix asked for. */
    static String requests() {
        return control("requests", "");
    }

    private static String control(String what, String body) {
        String base = ConfigProvider.getConfig().getValue("peering.registration.routes-url", String.class);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/stand-in/" + what))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("stand-in refused " + what + ": " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/stand-in/")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer = steer(path.substring("/stand-in/".length()), body);
            send(exchange, answer == null ? 404 : 200, answer == null ? "" : answer);
            return;
        }
        String prefix = query(exchange.getRequestURI(), "prefix");
        requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + path + " prefix=" + prefix);
        if (down.get()) {
            send(exchange, 503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"down\"}}");
            return;
        }
        String suffix = "/receivedRoutes";
        List<String[]> received =
                path.endsWith(suffix) ? routes.get(path.substring(0, path.length() - suffix.length())) : null;
        if (received == null) {
            send(exchange, 409, SIMULATED);
            return;
        }
        StringBuilder value = new StringBuilder();
        for (String[] route : received) {
            if (prefix == null || prefix.equals(route[0])) {
                value.append(value.length() == 0 ? "" : ",")
                        .append("{\"prefix\":\"")
                        .append(route[0])
                        .append("\",\"nextHop\":\"20.0.0.1\",\"asPath\":\"")
                        .append(route[1])
                        .append("\",\"originAsValidationState\":\"Unknown\",\"rpkiValidationState\":\"Unknown\"}");
            }
        }
        send(exchange, 200, "{\"value\":[" + value + "]}");
    }

    private String steer(String what, String body) {
        switch (what) {
            case "router" -> routes.putIfAbsent(body, new CopyOnWriteArrayList<>());
            case "announce" -> {
                String[] parts = body.split("\\|", 3);
                routes.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                        .add(new String[] {parts[1], parts[2]});
            }
            case "down" -> down.set(Boolean.parseBoolean(body));
            case "requests" -> {
                return String.join("\n", requests);
            }
            default -> {
                return null;
            }
        }
        return "";
    }

    private static String query(URI uri, String name) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
