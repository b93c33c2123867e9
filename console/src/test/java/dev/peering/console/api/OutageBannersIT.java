package dev.peering.console.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.peering.console.service.LiveBanner;
import dev.peering.tokens.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the APIs and the event broker both out of reach: a page that needs a service shows a banner that says
 * so, never a stack trace, and the live stream tells the page that live updates are paused.
 */
@QuarkusTest
@TestProfile(OutageBannersIT.NothingAnswers.class)
class OutageBannersIT {

    /** The console's keys in a folder of their own; the APIs and Kafka on ports where nothing listens. */
    public static class NothingAnswers implements QuarkusTestProfile {

        static final Path KEYS;
        static final PrivateKey KEY;

        static {
            try {
                KEYS = Files.createTempDirectory("console-outage-keys");
                KEY = Tokens.keyPairIn(KEYS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "peering.console.api-url",
                    "http://127.0.0.1:" + closedPort(),
                    "peering.console.api-timeout",
                    "3s",
                    "peering.console.public-key-location",
                    KEYS.resolve(Tokens.PUBLIC_KEY_FILE).toUri().toString(),
                    "kafka.bootstrap.servers",
                    "127.0.0.1:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TestHTTPResource("/events")
    URL events;

    private static String peerToken() {
        return Tokens.mint(NothingAnswers.KEY, "outage-test", List.of("sub-outage"), Tokens.PEER, Duration.ofHours(1));
    }

    @Test
    void aServiceThatIsDownIsABannerNotAStackTrace() {
        given().cookie(Sessions.COOKIE, peerToken())
                .get("/peer-asns")
                .then()
                .statusCode(503)
                .body(containsString("A service is not answering"))
                .body(containsString("did not answer"))
                .body(not(containsString("\tat ")))
                .body(not(containsString("at dev.peering")))
                .body(not(containsString("at java.")));
    }

    @Test
    void whileTheBrokerIsDownTheLiveStreamSaysUpdatesArePaused() throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(events.toString()))
                                .header("Cookie", Sessions.COOKIE + "=" + peerToken())
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        org.junit.jupiter.api.Assertions.assertEquals(200, stream.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && dev.peering.console.service.LiveStreams.STATUS.equals(event)) {
                    org.junit.jupiter.api.Assertions.assertEquals(
                            LiveBanner.PAUSED, line.substring("data:".length()).trim());
                    return;
                }
            }
        }
        org.junit.jupiter.api.Assertions.fail("the live stream ended without a status event");
    }
}
