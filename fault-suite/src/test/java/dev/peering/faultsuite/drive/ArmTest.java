package dev.peering.faultsuite.drive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which 5xx answers the suite counts as defects: every one but 503 with Retry-After. */
class ArmTest {

    private HttpServer server;
    private Arm arm;
    private String base;

    @BeforeEach
    void aServiceThatAnswersWhatThePathSays() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            if (path.contains("/retry-after/")) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] body = "{\"error\":{\"code\":\"Test\",\"message\":\"test\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        arm = new Arm(() -> "Bearer test", uri -> "test-service");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void only503WithRetryAfterIsATryAgain() throws Exception {
        arm.once("GET", base + "/retry-after/503", null);
        arm.once("GET", base + "/plain/503", null);
        arm.once("GET", base + "/plain/500", null);
        arm.once("GET", base + "/retry-after/502", null);
        arm.once("GET", base + "/plain/200", null);

        assertEquals(4, total(arm.serverErrors()));
        assertEquals(3, total(arm.unexpectedServerErrors()), arm.unexpectedServerErrors()::toString);
        assertFalse(
                arm.unexpectedServerErrors().keySet().stream().anyMatch(k -> k.startsWith("503 Test (Retry-After)")));
    }

    @Test
    void aReplyKnowsItsRetryAfter() {
        assertFalse(new Arm.Reply(503, null, true).unexpectedServerError());
        assertTrue(new Arm.Reply(503, null, false).unexpectedServerError());
        assertTrue(new Arm.Reply(500, null, true).unexpectedServerError());
        assertFalse(new Arm.Reply(409, null, false).unexpectedServerError());
    }

    private static long total(Map<String, AtomicLong> counts) {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
