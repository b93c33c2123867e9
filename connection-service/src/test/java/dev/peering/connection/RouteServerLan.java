package dev.peering.connection;

import com.sun.net.httpserver.HttpServer;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.bird.BirdConfigGenerator;
import dev.peering.routeserver.domain.RouteServer;
import dev.peering.routeserver.lab.ExchangeLan;
import dev.peering.routeserver.lab.LabRouter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated exchange LAN of SIX Seattle (facility 143) for the bird adapter's tests: the route server's
 * BIRD in its namespace at AS8075's addresses, started on an empty configuration that the service then
 * rewrites; the test attaches to the LAN ({@link #attach()}) to start the peers. Everything is removed
 * when the application stops, or by the next run if this JVM is killed.
 */
public class RouteServerLan implements QuarkusTestResourceLifecycleManager {

    /** Why these tests cannot run here (no root, no BIRD 2), or empty. */
    public static final Optional<String> UNAVAILABLE = ExchangeLan.whyUnavailable();

    private static final String ID = "connection-service.test.lan.id";
    private static final String DIR = "connection-service.test.lan.dir";

    /** The system property that holds the key of a connection (its ARM id after the dot) for {@link #keys}. */
    static final String KEY_PROPERTY = "connection-service.test.md5-key.";

    private ExchangeLan lan;
    private HttpServer keys;

    @Override
    public Map<String, String> start() {
        if (UNAVAILABLE.isPresent()) {
            return Map.of();
        }
        try {
            lan = ExchangeLan.create(
                    Files.createTempDirectory("pcplab"), Cidr.parse(Fixtures.LAN_V4), Cidr.parse(Fixtures.LAN_V6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String empty = new BirdConfigGenerator()
                .generate(RouteServer.of(Fixtures.MICROSOFT_V4, 8075, Fixtures.MICROSOFT_V4, Fixtures.MICROSOFT_V6));
        LabRouter rs = lan.start("rs", Fixtures.MICROSOFT_V4, Fixtures.MICROSOFT_V6, empty);
        System.setProperty(ID, lan.id());
        System.setProperty(DIR, lan.directory().toString());
        keys = keyServer();
        return Map.of(
                "peering.route-server.provisioner",
                "bird",
                "peering.route-server.facility",
                String.valueOf(Fixtures.FACILITY),
                "peering.route-server.config-file",
                rs.config().toString(),
                "peering.route-server.control-socket",
                rs.socket().toString(),
                "peering.route-server.namespace",
                rs.namespace(),
                "peering.route-server.poll-interval",
                "200ms",
                "peering.route-server.md5-keys-url",
                "http://127.0.0.1:" + keys.getAddress().getPort(),
                "peering.route-server.md5-keys-token",
                "stand-in",
                "peering.route-server.md5-key-refresh",
                "1s");
    }

    /**
     * A stand-in for peering-service's MD5 pull API ({@code GET /internal/route-server/md5-keys}, covered by
     * peering-service's Md5KeyIT), since this test runs connection-service alone: it answers a connection's
     * key from the system property {@link #KEY_PROPERTY}{@code <connection id>} (the test sets it; system
     * properties are the JVM's, whatever the class loader), 404 when there is none. Simulated, and said so.
     */
    private static HttpServer keyServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/internal/route-server/md5-keys", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                String id = query == null || !query.startsWith("connectionId=")
                        ? ""
                        : URLDecoder.decode(query.substring("connectionId=".length()), StandardCharsets.UTF_8);
                String key = System.getProperty(KEY_PROPERTY + id);
                byte[] body = (key == null ? "{}" : "{\"md5AuthenticationKey\":\"" + key + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(key == null ? 404 : 200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (keys != null) {
            keys.stop(0);
        }
        if (lan != null) {
            lan.close();
        }
    }

    /** The running LAN, for the test to start peers on (close the handle after the test). */
    static ExchangeLan attach() {
        return ExchangeLan.attach(
                System.getProperty(ID),
                Path.of(System.getProperty(DIR)),
                Cidr.parse(Fixtures.LAN_V4),
                Cidr.parse(Fixtures.LAN_V6));
    }

    /** The route server's router, as the test reaches it (through its control socket). */
    static Path routeServerSocket() {
        return Path.of(System.getProperty(DIR)).resolve("rs").resolve("bird.ctl");
    }
}
