package dev.peering.routeserver.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.ObservedSessionState;
import dev.peering.routeserver.domain.SessionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** On real output of BIRD 2.0.12 (src/test/resources/fixtures, captured as fixtures/lab/README.md says). */
class BirdProtocolsParserTest {

    private final BirdProtocolsParser parser = new BirdProtocolsParser();

    private static String fixture(String name) throws IOException {
        try (InputStream in = BirdProtocolsParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Map<String, SessionStatus> parsed(String fixture) throws IOException {
        return parser.parse(fixture(fixture)).stream()
                .collect(Collectors.toMap(SessionStatus::protocol, Function.identity()));
    }

    /** Protocol, ARM state, BIRD's words, last error: what both listings must agree on. */
    private static final List<List<String>> EXPECTED = List.of(
            List.of("conn_a_v4", "Established", "up/Established", ""),
            List.of("conn_b_v4", "Idle", "down/Down", "Automatic shutdown: Route limit exceeded"),
            List.of("conn_c_v4", "OpenConfirm", "start/OpenConfirm", "Socket: Connection refused"),
            List.of("conn_d_v4", "Idle", "down/Down", ""),
            List.of("conn_e_v4", "Idle", "start/Idle", ""),
            List.of("conn_f_v4", "Active", "start/Passive", ""),
            List.of("conn_g_v4", "Idle", "start/Idle", "BGP Error: Bad peer AS"),
            List.of("conn_h_v4", "OpenSent", "start/OpenSent", ""));

    @Test
    void everyBgpProtocolOfTheFullListingIsReadAndTheDeviceProtocolIsNot() throws IOException {
        Map<String, SessionStatus> all = parsed("show-protocols-all-mixed.txt");

        assertEquals(EXPECTED.size(), all.size(), all.keySet().toString());
        for (List<String> e : EXPECTED) {
            SessionStatus s = all.get(e.get(0));
            assertEquals(ObservedSessionState.valueOf(e.get(1)), s.state(), e.get(0));
            assertEquals(e.get(2), s.routerState(), e.get(0));
            assertEquals(e.get(3).isEmpty() ? Optional.empty() : Optional.of(e.get(3)), s.lastError(), e.get(0));
        }
    }

    @Test
    void theShortListingSaysTheSame() throws IOException {
        Map<String, SessionStatus> all = parsed("show-protocols-all-mixed.txt");
        Map<String, SessionStatus> short_ = parsed("show-protocols-mixed.txt");

        assertEquals(all.keySet(), short_.keySet());
        for (List<String> e : EXPECTED) {
            SessionStatus s = short_.get(e.get(0));
            assertEquals(all.get(e.get(0)).state(), s.state(), e.get(0));
            assertEquals(all.get(e.get(0)).since(), s.since(), e.get(0));
        }
        // The short listing has no "Last error:" line; what follows the state is the error.
        assertEquals(
                Optional.of("BGP Error: Bad peer AS"), short_.get("conn_g_v4").lastError());
        assertEquals(
                Optional.of("Automatic shutdown: Route limit exceeded"),
                short_.get("conn_b_v4").lastError());
        assertEquals(
                Optional.of("Socket: Connection refused"),
                short_.get("conn_c_v4").lastError());
    }

    @Test
    void theEstablishedSessionCarriesItsRoutesSinceAndNames() throws IOException {
        SessionStatus a = parsed("show-protocols-all-mixed.txt").get("conn_a_v4");

        assertEquals("2026-12-01 18:23:12.594", a.since());
        assertEquals(Optional.of(3), a.importedRoutes());
        assertEquals(Optional.of("conn_a"), a.session());
        assertEquals(Optional.of(Cidr.Family.IPV4), a.family());
    }

    @Test
    void aSessionTheLimitRestartsIsIdleWithTheLimitAsItsReason() throws IOException {
        SessionStatus a = parsed("show-protocols-all-limit-restart.txt").get("conn_a_v4");

        assertEquals(ObservedSessionState.Idle, a.state());
        assertEquals("start/Idle", a.routerState());
        assertEquals(Optional.of("Automatic shutdown: Route limit exceeded"), a.lastError());
        assertEquals(Optional.empty(), a.importedRoutes());
    }

    @Test
    void aSessionTheLimitDisabledIsIdleInTheShortListingToo() throws IOException {
        SessionStatus b = parsed("show-protocols-limit-disable.txt").get("conn_b_v4");

        assertEquals(ObservedSessionState.Idle, b.state());
        assertEquals(Optional.of("Automatic shutdown: Route limit exceeded"), b.lastError());
    }

    @Test
    void everyBirdStateHasItsArmState() {
        // Connect passes too quickly over loopback to be captured; the rest are in the fixtures as well.
        assertEquals(ObservedSessionState.Idle, BirdProtocolsParser.map("Idle"));
        assertEquals(ObservedSessionState.Connect, BirdProtocolsParser.map("Connect"));
        assertEquals(ObservedSessionState.Active, BirdProtocolsParser.map("Active"));
        assertEquals(ObservedSessionState.Active, BirdProtocolsParser.map("Passive"));
        assertEquals(ObservedSessionState.OpenSent, BirdProtocolsParser.map("OpenSent"));
        assertEquals(ObservedSessionState.OpenConfirm, BirdProtocolsParser.map("OpenConfirm"));
        assertEquals(ObservedSessionState.Established, BirdProtocolsParser.map("Established"));
        assertEquals(ObservedSessionState.Idle, BirdProtocolsParser.map("Down"));
        assertEquals(ObservedSessionState.Idle, BirdProtocolsParser.map("Close"));
    }

    @Test
    void noBgpProtocolGivesNothing() {
        assertEquals(
                List.of(),
                parser.parse("BIRD 2.0.12 ready.\nName       Proto      Table      State  Since         Info\n"
                        + "device1    Device     ---        up     18:13:03.132  \n"));
    }
}
