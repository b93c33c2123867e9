package dev.peering.localstack;

import dev.peering.reference.Facility;
import dev.peering.reference.PeeringLocations;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.bird.BirdCommands;
import dev.peering.routeserver.bird.BirdConfigGenerator;
import dev.peering.routeserver.domain.RouteServer;
import dev.peering.routeserver.lab.ExchangeLan;
import dev.peering.routeserver.lab.LabRouter;
import dev.peering.routeserver.lab.PeerConfig;
import dev.peering.tokens.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./stack up --route-server bird}: the SIX Seattle exchange LAN of the reference data (facility 143)
 * emulated on this machine (ADR 0014), the route server's BIRD on AS8075's addresses, and a peer BIRD of
 * AS30000 for each connection of the README's walkthrough (conn-a, conn-b, conn-c), each announcing three
 * prefixes, so the walkthrough's sessions come up for real. connection-service runs the bird adapter on it.
 */
final class RouteServerLab implements AutoCloseable {

    static final int FACILITY = 143;
    static final long PEER_ASN = 30000;

    /** The walkthrough's peers: IPv4 address, IPv6 address (or null), the prefixes they announce. */
    private static final List<List<String>> PEERS = List.of(
            List.of("pa", "206.81.81.10", "", "20.1.1.0/24 20.1.2.0/24 20.1.3.0/24"),
            List.of("pb", "206.81.81.11", "2001:504:16::a:11", "20.2.1.0/24 20.2.2.0/24 20.2.3.0/24 2620:1ec:20::/48"),
            List.of("pc", "206.81.81.12", "", "20.3.1.0/24 20.3.2.0/24 20.3.3.0/24"));

    private final ExchangeLan lan;
    private final LabRouter routeServer;
    private final PrivateKey signingKey;

    private RouteServerLab(ExchangeLan lan, LabRouter routeServer, PrivateKey signingKey) {
        this.lan = lan;
        this.routeServer = routeServer;
        this.signingKey = signingKey;
    }

    /** Starts the LAN, or says clearly why it cannot (not root, no bird2). */
    static RouteServerLab start(PrivateKey signingKey) throws IOException {
        ExchangeLan.whyUnavailable().ifPresent(why -> {
            throw new IllegalStateException("--route-server bird: " + why
                    + ". Run as root with Debian's bird2 installed, or without --route-server bird.");
        });
        for (List<String> program : List.of(List.of("ping", "iputils-ping"), List.of("traceroute", "traceroute"))) {
            if (BirdCommands.program(program.get(0)).isEmpty()) {
                System.err.println("WARNING: --route-server bird: " + program.get(0) + " is missing, so the looking"
                        + " glass answers its command with 409 (apt-get install " + program.get(1) + ")");
            }
        }
        Facility six = PeeringLocations.load().facility(FACILITY).orElseThrow();
        String v4 = six.microsoftIPv4Addresses().get(0);
        String v6 = six.microsoftIPv6Addresses().get(0);
        // Short: the control sockets live here, and a socket path has at most 107 bytes.
        Path dir = Files.createTempDirectory("pcplab");
        ExchangeLan lan = ExchangeLan.create(
                dir,
                Cidr.parse(six.exchangePrefixesV4().get(0)),
                Cidr.parse(six.exchangePrefixesV6().get(0)));
        try {
            LabRouter rs =
                    lan.start("rs", v4, v6, new BirdConfigGenerator().generate(RouteServer.of(v4, 8075, v4, v6)));
            for (List<String> peer : PEERS) {
                String peerV6 = peer.get(2).isEmpty() ? null : peer.get(2);
                lan.start(
                        peer.get(0),
                        peer.get(1),
                        peerV6,
                        new PeerConfig(
                                        PEER_ASN,
                                        peer.get(1),
                                        peerV6,
                                        8075,
                                        v4,
                                        v6,
                                        null,
                                        List.of(peer.get(3).split(" ")))
                                .text());
            }
            return new RouteServerLab(lan, rs, signingKey);
        } catch (RuntimeException e) {
            lan.close();
            throw e;
        }
    }

    /**
     * connection-service's settings for the bird adapter on this LAN, with a token of the stack's key (role
     * route-server) for peering-service's MD5 key pull API.
     */
    Map<String, String> environment(int peeringServicePort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PEERING_ROUTE_SERVER_PROVISIONER", "bird");
        env.put("PEERING_ROUTE_SERVER_FACILITY", String.valueOf(FACILITY));
        env.put("PEERING_ROUTE_SERVER_CONFIG_FILE", routeServer.config().toString());
        env.put("PEERING_ROUTE_SERVER_CONTROL_SOCKET", routeServer.socket().toString());
        env.put("PEERING_ROUTE_SERVER_NAMESPACE", routeServer.namespace());
        env.put("PEERING_ROUTE_SERVER_MD5_KEYS_URL", "http://localhost:" + peeringServicePort);
        env.put(
                "PEERING_ROUTE_SERVER_MD5_KEYS_TOKEN",
                Tokens.mint(signingKey, "connection-service", List.of(), Tokens.ROUTE_SERVER, Duration.ofDays(30)));
        return env;
    }

    /**
     * registration-service's settings for the origin-ASN check (ADR 0020): connection-service's received routes,
     * read with an operator token of the stack's key (the public list needs a role that may read every
     * subscription; no narrower role exists yet).
     */
    Map<String, String> routeReaderEnvironment(int connectionServicePort) {
        return Map.of(
                "PEERING_REGISTRATION_ROUTES_URL",
                "http://localhost:" + connectionServicePort,
                "PEERING_REGISTRATION_ROUTES_TOKEN",
                Tokens.mint(signingKey, "registration-service", List.of(), Tokens.OPERATOR, Duration.ofDays(30)));
    }

    String describe() {
        return "route server " + routeServer.namespace() + " (birdc -s " + routeServer.socket() + "), peers of AS"
                + PEER_ASN + " at 206.81.81.10-12";
    }

    @Override
    public void close() {
        lan.close();
    }
}
