package dev.peering.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The seed's story on {@code docker compose up --build} from this checkout, through the gateway, with tokens
 * from the compose file's own {@code keys} service, as the README's "With Docker" section tells a newcomer.
 *
 * <p>It needs a Docker engine with Compose v2. The build machines have none: there the test is skipped and
 * says so on stderr and in the report; {@link ComposeFileTest} still checks the file with {@code
 * docker-compose config}.
 */
class ComposeSmokeIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String API_VERSION = "?api-version=2022-10-01";
    private static final Duration STEP = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSeedStoryOnDockerComposeThroughTheGateway() throws Exception {
        boolean docker = dockerAvailable();
        if (!docker) {
            System.err.println("ComposeSmokeIT SKIPPED: no Docker engine on this machine, so docker-compose.yml was"
                    + " NOT started here (ComposeFileTest checks it with docker-compose config)");
        }
        assumeTrue(docker, "no Docker engine: the compose stack is not started on this machine");

        try (ComposeContainer compose = new ComposeContainer(
                        "peering-smoke", ROOT.resolve("docker-compose.yml").toFile())
                .withBuild(true)
                .withRemoveVolumes(true)
                .withStartupTimeout(Duration.ofMinutes(20))
                .withExposedService(
                        "gateway", 8080, Wait.forHttp("/q/health/ready").forStatusCode(200))
                .withExposedService(
                        "registration-service",
                        8084,
                        Wait.forHttp("/q/health/ready").forStatusCode(200))) {
            compose.start();
            String gateway =
                    "http://" + compose.getServiceHost("gateway", 8080) + ":" + compose.getServicePort("gateway", 8080);
            String project = compose.getContainerByServiceName("gateway")
                    .map(ContainerState::getContainerInfo)
                    .map(info -> info.getConfig().getLabels().get("com.docker.compose.project"))
                    .orElseThrow();
            String sub = "sub-" + UUID.randomUUID();
            String peer = token(project, "--subscriptions", sub, "--role", "peer");

            String peerAsn = "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/contoso";
            HttpResponse<String> put = send(
                    gateway,
                    peer,
                    "PUT",
                    peerAsn,
                    """
                    {"properties":{"peerAsn":13335,"peerName":"Contoso IX","peerContactDetail":[
                      {"role":"Noc","email":"noc@contoso.example","phone":"+1 206 555 0100"}]}}""");
            assertEquals(201, put.statusCode(), put.body());
            await(gateway, peer, peerAsn, r -> r.path("properties")
                    .path("validationState")
                    .asText()
                    .equals("Approved"));

            String peering =
                    "/subscriptions/" + sub + "/resourceGroups/rg-ix/providers/Microsoft.Peering/peerings/ix-seattle";
            put = send(
                    gateway,
                    peer,
                    "PUT",
                    peering,
                    """
                    {"sku":{"name":"Premium_Direct_Free"},"kind":"Direct","location":"westus2",
                     "properties":{"peeringLocation":"Seattle","direct":{"directPeeringType":"IxRs",
                      "peerAsn":{"id":"%s"},
                      "connections":[{"connectionIdentifier":"sea-v4","peeringDBFacilityId":143,
                       "bandwidthInMbps":10000,"sessionAddressProvider":"Peer","useForPeeringService":false,
                       "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"206.81.80.30",
                        "peerSessionIPv4Address":"206.81.81.40","maxPrefixesAdvertisedV4":1000}}]}}}"""
                            .formatted(peerAsn));
            assertEquals(201, put.statusCode(), put.body());
            JsonNode active = await(gateway, peer, peering, r -> {
                JsonNode c =
                        r.path("properties").path("direct").path("connections").path(0);
                return c.path("connectionState").asText().equals("Active")
                        && c.path("bgpSession").path("sessionStateV4").asText().equals("Established");
            });
            assertEquals(
                    "sea-v4",
                    active.path("properties")
                            .path("direct")
                            .path("connections")
                            .path(0)
                            .path("connectionIdentifier")
                            .asText());

            String registered = peering + "/registeredAsns/fabrikam";
            put = send(gateway, peer, "PUT", registered, "{\"properties\":{\"asn\":15169}}");
            assertTrue(put.statusCode() == 200 || put.statusCode() == 201, put.body());
            JsonNode asn = await(gateway, peer, registered, r -> !r.path("properties")
                    .path("peeringServicePrefixKey")
                    .asText()
                    .isEmpty());
            assertFalse(asn.path("properties")
                    .path("peeringServicePrefixKey")
                    .asText()
                    .isBlank());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A bearer token from the compose file's keys service, as the README shows. */
    private static String token(String project, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                "docker",
                "compose",
                "-p",
                project,
                "-f",
                "docker-compose.yml",
                "run",
                "--rm",
                "-T",
                "keys",
                "token",
                "--data-dir",
                "/data"));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "docker compose run keys token did not end");
        assertEquals(0, process.exitValue(), err);
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    private HttpResponse<String> send(String base, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + API_VERSION))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} until its body matches; the local profile's delays are seconds. */
    private JsonNode await(String base, String token, String path, Predicate<JsonNode> done) {
        return Awaitility.await(path)
                .atMost(STEP)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            HttpResponse<String> get = send(base, token, "GET", path, null);
                            return get.statusCode() == 200 ? JSON.readTree(get.body()) : null;
                        },
                        body -> body != null && done.test(body));
    }
}
