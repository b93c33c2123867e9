package dev.peering.routeserver.bird;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.FamilySession;
import dev.peering.routeserver.domain.ObservedSessionState;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.RouteServer;
import dev.peering.routeserver.domain.SessionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real BIRD that this test starts (its own directory under target/, its own control socket, a
 * free BGP port) and stops: the generated configuration applied with bird -p, a rename and birdc configure.
 * The peers' addresses are on no interface of this machine, so BIRD only waits for them (Idle) and sends
 * nothing; what is checked is what the router runs and whether a protocol restarted (its "since").
 */
class BirdApplyIT {

    private static final BirdConfigGenerator GENERATOR = new BirdConfigGenerator();
    private static final PeerSession CONN_C = PeerSession.of(
            "seattle1_conn_c",
            "peering seattle1, connection conn-c",
            30000,
            new FamilySession("206.81.81.12", 10),
            null);

    private static BirdCommands bird;
    private static TestRouter router;
    private static Path dir;
    private static Path socket;
    private static RouteServer base;
    private static BirdConfigApplier applier;

    @BeforeAll
    static void startBird() throws IOException {
        bird = Bird.required();
        dir = TestRouter.newDirectory();
        base = RouteServers.walkthrough()
                .withPort(TestRouter.freePort())
                .withLogFile(dir.resolve("bird.log").toString())
                .withSession(RouteServers.walkthrough().sessions().get(1).withMd5Key("not-a-real-key"));
        router = TestRouter.start(bird, dir, GENERATOR.generate(base));
        socket = router.socket;
        applier = new BirdConfigApplier(router.config, socket, bird);
    }

    @AfterAll
    static void stopBird() throws InterruptedException {
        if (router != null) {
            router.stop();
        }
    }

    @Test
    void addingOneSessionAndRemovingAnotherLeavesTheThirdUntouched() {
        applyAndAwait(base);
        SessionStatus connABefore = statuses().get("seattle1_conn_a_v4");

        applyAndAwait(base.withSession(CONN_C));
        applyAndAwait(base.withSession(CONN_C).withoutSession("seattle1_conn_b"));

        Map<String, SessionStatus> after = statuses();
        assertEquals(Set.of("seattle1_conn_a_v4", "seattle1_conn_c_v4"), after.keySet());
        assertEquals(connABefore.since(), after.get("seattle1_conn_a_v4").since(), "conn_a restarted");
        assertEquals(connABefore.routerState(), after.get("seattle1_conn_a_v4").routerState());

        // The control: a change of conn_a itself does restart it, so an unchanged "since" means something.
        PeerSession a = base.sessions().get(0);
        applyAndAwait(base.withSession(CONN_C)
                .withoutSession("seattle1_conn_b")
                .withSession(new PeerSession(a.name(), a.description(), 30001, a.ipv4(), a.ipv6(), null, null)));
        assertNotEquals(
                connABefore.since(), statuses().get("seattle1_conn_a_v4").since());
    }

    @Test
    void aConfigurationBirdRefusesNeitherReachesTheFileNorTheRouter() throws IOException {
        applyAndAwait(base);
        String liveBefore = Files.readString(applier.liveConfig());
        Map<String, SessionStatus> before = statuses();

        ApplyResult result = applier.apply(GENERATOR.generate(base).replace("action restart", "action explode"));

        assertEquals(ApplyResult.Outcome.REJECTED, result.outcome(), result.message());
        assertTrue(
                result.message().contains("syntax error, unexpected CF_SYM_UNDEFINED, expecting WARN or BLOCK"),
                result.message());
        assertEquals(liveBefore, Files.readString(applier.liveConfig()));
        assertEquals(sinceByProtocol(before), sinceByProtocol(statuses()));
        try (var left = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .toList());
        }
    }

    @Test
    void theSameTextAgainIsNotApplied() {
        applyAndAwait(base);
        assertEquals(
                ApplyResult.Outcome.UNCHANGED,
                applier.apply(GENERATOR.generate(base)).outcome());
    }

    @Test
    void aRouterThatDoesNotAnswerGetsTheFileForItsNextStart() throws IOException {
        Path live = dir.resolve("stopped.conf");
        var stopped = new BirdConfigApplier(live, dir.resolve("nobody-listens.ctl"), bird);

        ApplyResult result = stopped.apply(GENERATOR.generate(base));

        assertEquals(ApplyResult.Outcome.ROUTER_UNREACHABLE, result.outcome(), result.message());
        assertEquals(GENERATOR.generate(base), Files.readString(live));
    }

    @Test
    void theParserReadsThisRoutersSessions() throws IOException {
        applyAndAwait(base);
        CommandResult shown = bird.showProtocolsAll(socket);
        Files.writeString(dir.resolve("show-protocols-all.txt"), shown.output());

        Map<String, SessionStatus> statuses = statuses();

        assertEquals(Set.of("seattle1_conn_a_v4", "seattle1_conn_b_v4", "seattle1_conn_b_v6"), statuses.keySet());
        statuses.values().forEach(s -> {
            // Nothing answers on the exchange LAN here: BIRD waits for the neighbour to appear.
            assertEquals(ObservedSessionState.Idle, s.state(), s.toString());
            assertEquals("start/Idle", s.routerState(), s.toString());
            assertTrue(s.session().isPresent() && s.family().isPresent(), s.toString());
        });
        assertFalse(shown.output().contains("not-a-real-key"), "birdc shows the MD5 key");
    }

    /** Applies {@code wanted} and waits until the router runs exactly its protocols. */
    private static void applyAndAwait(RouteServer wanted) {
        ApplyResult result = applier.apply(GENERATOR.generate(wanted));
        assertTrue(result.applied(), result.outcome() + ": " + result.message());
        Set<String> protocols = wanted.sessions().stream()
                .flatMap(s -> Stream.of(Cidr.Family.values())
                        .filter(f -> s.part(f).isPresent())
                        .map(f -> BirdNames.protocol(s, f)))
                .collect(Collectors.toSet());
        await("the router runs " + protocols)
                .atMost(Duration.ofSeconds(15))
                .until(() -> statuses().keySet().equals(protocols));
    }

    private static Map<String, SessionStatus> statuses() {
        CommandResult shown = bird.showProtocolsAll(socket);
        assertTrue(shown.succeeded(), shown.output());
        return new BirdProtocolsParser()
                .parse(shown.output()).stream().collect(Collectors.toMap(SessionStatus::protocol, Function.identity()));
    }

    private static Map<String, String> sinceByProtocol(Map<String, SessionStatus> statuses) {
        return statuses.values().stream().collect(Collectors.toMap(SessionStatus::protocol, SessionStatus::since));
    }
}
