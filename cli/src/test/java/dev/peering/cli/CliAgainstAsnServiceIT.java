package dev.peering.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.events.Topics;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TestTokens;
import dev.peering.testsupport.TopicWriter;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI against the real asn-validation-service: its packaged jar started as a process on a real
 * Kafka broker and a real PostgreSQL (from test-support), driven only through the command line, and
 * the workflow read back from the topic with {@code peering watch}, as a user would.
 */
class CliAgainstAsnServiceIT {

    static Process service;
    static String asnUrl;
    static String bootstrap;

    @BeforeAll
    static void startService() throws Exception {
        Path jar = Path.of(
                System.getProperty("asn.service.jar", "../asn-validation-service/target/quarkus-app/quarkus-run.jar"));
        assertTrue(
                Files.exists(jar),
                "build the service first: cd asn-validation-service && mvn -q package -DskipTests (" + jar + ")");
        bootstrap = KafkaTestResource.bootstrapServers();
        String jdbc = PostgresTestResource.newDatabase();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        asnUrl = "http://127.0.0.1:" + port;
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb =
                new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString());
        pb.environment()
                .putAll(Map.of(
                        "QUARKUS_HTTP_PORT",
                        Integer.toString(port),
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        jdbc,
                        "KAFKA_BOOTSTRAP_SERVERS",
                        bootstrap,
                        // approval in seconds instead of the seed's 12 hours
                        "PEERING_ASN_APPROVAL_DELAY",
                        "PT2S",
                        "PEERING_ASN_APPROVAL_POLL_INTERVAL",
                        "200ms",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        TestTokens.publicKeyLocation()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File("target/asn-validation-service-it.log"));
        service = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertTrue(
                            service.isAlive(),
                            "asn-validation-service exited; see target/asn-validation-service-it.log");
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(URI.create(asnUrl + "/q/health/ready"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    static FakeArm.Run cli(String... args) {
        return cliWithInput("", args);
    }

    static FakeArm.Run cliWithInput(String stdin, String... args) {
        return FakeArm.runWith(
                Map.of(
                        "PEERING_ASN_URL",
                        asnUrl,
                        "PEERING_KAFKA_BOOTSTRAP_SERVERS",
                        bootstrap,
                        "PEERING_TOKEN",
                        TestTokens.operatorToken()),
                stdin,
                args);
    }

    static String newSubscription() {
        return UUID.randomUUID().toString();
    }

    @Test
    void associateWaitForApprovalAndFollowTheWorkflowInWatch() throws Exception {
        String sub = newSubscription();
        String corr = "cli-it-" + UUID.randomUUID();

        FakeArm.Run create = cli(
                "asn",
                "create",
                "-s",
                sub,
                "-n",
                "myAsn1",
                "--peer-asn",
                "13335",
                "--peer-name",
                "Contoso",
                "--email",
                "noc@contoso.example",
                "--correlation-id",
                corr,
                "--wait",
                "--interval",
                "200ms",
                "--timeout",
                "60s");

        assertEquals(0, create.exitCode(), create.err());
        assertTrue(create.err().contains("peerAsn myAsn1: Pending"), create.err());
        assertTrue(create.err().contains("peerAsn myAsn1: Approved"), create.err());
        assertTrue(
                create.out().lines().toList().get(2).matches("myAsn1\\s+13335\\s+Contoso\\s+Approved"), create.out());

        FakeArm.Run show = cli("asn", "show", "-s", sub, "-n", "myAsn1", "-o", "json");
        JsonNode shown = ArmClient.JSON.readTree(show.out());
        assertEquals("Approved", shown.at("/properties/validationState").asText());
        assertEquals(
                "/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/myAsn1",
                shown.get("id").asText());

        FakeArm.Run timeline = cli("watch", "--correlation-id", corr, "--until-idle", "3s");

        assertEquals(0, timeline.exitCode(), timeline.err());
        List<String> lines = timeline.out().lines().toList();
        assertEquals(2, lines.size(), timeline.out());
        assertTrue(
                lines.get(0)
                        .matches(
                                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  asn-validation-service  peerAsns/myAsn1\\s+None -> Pending.*"),
                lines.get(0));
        assertTrue(
                lines.get(1).matches(".*asn-validation-service  peerAsns/myAsn1\\s+Pending -> Approved.*"),
                lines.get(1));

        FakeArm.Run json =
                cli("watch", "--resource", shown.get("id").asText().toUpperCase(), "--until-idle", "3s", "-o", "json");
        List<JsonNode> events = new ArrayList<>();
        for (String line : json.out().lines().toList()) {
            events.add(ArmClient.JSON.readTree(line));
        }
        assertEquals(
                List.of("dev.peering.peerAsn.created", "dev.peering.peerAsn.validationStateChanged"),
                events.stream().map(e -> e.get("type").asText()).toList());
        assertEquals("Approved", events.get(1).get("to").asText());
        assertEquals(corr, events.get(1).get("correlationid").asText());
    }

    @Test
    void aPrivateAsnFailsValidationAndWaitEndsWithExitCode4() {
        String sub = newSubscription();

        FakeArm.Run create = cli(
                "asn",
                "create",
                "-s",
                sub,
                "-n",
                "privateAsn",
                "--peer-asn",
                "64512",
                "--peer-name",
                "Contoso",
                "--phone",
                "+1 206 555 0100",
                "--wait",
                "--interval",
                "200ms",
                "--timeout",
                "60s");

        assertEquals(ExitCodes.WAIT_FAILED, create.exitCode(), create.err());
        assertTrue(create.err().contains("error: peerAsn privateAsn is Failed: "), create.err());
        assertTrue(create.out().contains("Failed"), create.out());
    }

    @Test
    void badInputIsTheServicesArmErrorAndStoresNothing() {
        String sub = newSubscription();

        FakeArm.Run bad = cli(
                "asn",
                "create",
                "-s",
                sub,
                "-n",
                "bad",
                "--peer-asn",
                "13335",
                "--peer-name",
                "C0ntoso!",
                "--email",
                "noc@contoso.example");
        FakeArm.Run list = cli("asn", "list", "-s", sub, "-o", "json");

        assertEquals(ExitCodes.ARM_ERROR, bad.exitCode());
        assertTrue(bad.err().startsWith("error InvalidRequestContent: 'properties.peerName'"), bad.err());
        assertEquals("[ ]", list.out().trim());
    }

    @Test
    void listPagesDeleteAndShowOfSomethingGone() {
        String sub = newSubscription();
        // one subscription may associate several ASNs, each once
        Map<String, String> asns = Map.of("a1", "13335", "a2", "15169", "a3", "32934");
        asns.forEach((name, asn) -> {
            FakeArm.Run create = cli(
                    "asn",
                    "create",
                    "-s",
                    sub,
                    "-n",
                    name,
                    "--peer-asn",
                    asn,
                    "--peer-name",
                    "Contoso",
                    "--email",
                    "noc@contoso.example");
            assertEquals(0, create.exitCode(), create.err());
        });

        FakeArm.Run table = cli("asn", "list", "-s", sub);
        assertEquals(5, table.out().lines().count(), table.out());

        FakeArm.Run delete = cli("asn", "delete", "-s", sub, "-n", "a2");
        assertEquals(0, delete.exitCode(), delete.err());
        assertEquals("peerAsn a2 deleted\n", delete.out());

        FakeArm.Run gone = cli("asn", "show", "-s", sub, "-n", "a2");
        assertEquals(ExitCodes.ARM_ERROR, gone.exitCode());
        assertTrue(gone.err().startsWith("error ResourceNotFound: The PeerAsn 'a2' was not found."), gone.err());

        FakeArm.Run again = cli("asn", "delete", "-s", sub, "-n", "a2");
        assertEquals("peerAsn a2 did not exist\n", again.out());
    }

    @Test
    void watchWarnsAboutAnUnreadableRecordAndKeepsGoing() throws Exception {
        String sub = newSubscription();
        String corr = "cli-it-" + UUID.randomUUID();
        TopicWriter.send(Topics.PEER_ASN_EVENTS, "junk-" + corr, "this is not a CloudEvent");
        assertEquals(
                0,
                cli(
                                "asn",
                                "create",
                                "-s",
                                sub,
                                "-n",
                                "after",
                                "--peer-asn",
                                "13335",
                                "--peer-name",
                                "Contoso",
                                "--email",
                                "noc@contoso.example",
                                "--correlation-id",
                                corr)
                        .exitCode());

        FakeArm.Run watch = cli("watch", "--subscription", sub, "--until-idle", "3s");

        assertEquals(0, watch.exitCode(), watch.err());
        assertTrue(watch.err().contains("warning: peering.peer-asn-events-"), watch.err());
        assertTrue(watch.out().contains("peerAsns/after"), watch.out());
    }

    @Test
    void anUnreachableBrokerIsExitCode3() {
        FakeArm.Run watch =
                FakeArm.runWith(Map.of(), "", "watch", "--bootstrap-servers", "127.0.0.1:1", "--until-idle", "1s");

        assertEquals(ExitCodes.UNREACHABLE, watch.exitCode());
        assertEquals("error: cannot reach Kafka at 127.0.0.1:1\n", watch.err());
    }
}
