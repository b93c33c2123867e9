package dev.peering.routeserver.bird;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peering.routeserver.domain.FamilySession;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.RegisteredPrefix;
import dev.peering.routeserver.domain.RoaSource;
import dev.peering.routeserver.domain.RouteServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated import filters at work in a real BIRD: probe routes, each breaking exactly one rule (and
 * one breaking none), are piped through the session's filters into a table of their own; only the route
 * that breaks nothing may arrive. The probes are static routes with an AS path set on them (path "a b"
 * means a is the neighbour, b the origin); nothing speaks BGP.
 */
class ImportFilterIT {

    private static final String PROTOCOL = "p";

    /** Route, AS path, the one rule it breaks ("" = none: accepted). */
    private static final List<List<String>> PROBES_V4 = List.of(
            List.of("20.1.2.0/24", "30000", ""),
            List.of("20.0.0.0/7", "30000", "shorter than /8"),
            List.of("20.1.8.0/25", "30000", "longer than /24"),
            List.of("10.1.0.0/16", "30000", "bogon"),
            List.of("20.1.5.0/24", "30001 30000", "the peer's ASN is not first"),
            List.of("20.1.7.0/24", "30000 64999", "RPKI invalid"),
            List.of("21.0.0.0/24", "30000", "not registered"));

    private static final List<List<String>> PROBES_V6 = List.of(
            List.of("2620:1ec:10::/48", "30000", ""),
            List.of("2620:1ec:20::/49", "30000", "longer than /48"),
            List.of("2001:db8:1::/48", "30000", "bogon"),
            List.of("2620:1ec:30::/48", "30001 30000", "the peer's ASN is not first"),
            List.of("2620:1ec:40::/48", "30000 64999", "RPKI invalid"),
            List.of("2a01:111::/32", "30000", "not registered"));

    private static TestRouter router;

    @BeforeAll
    static void startBird() throws IOException {
        BirdCommands bird = Bird.required();
        RouteServer server = RouteServer.of("206.81.80.30", 8075, "206.81.80.30", "2001:504:16::1f9b")
                .withPort(TestRouter.freePort())
                .withRoaSource(new RoaSource.StaticRoas(List.of(
                        RoaSource.Roa.of("20.1.0.0/16", 24, 30000),
                        RoaSource.Roa.of("20.1.8.0/24", 25, 30000),
                        RoaSource.Roa.of("2620:1ec::/36", 49, 30000))))
                .withSession(new PeerSession(
                        PROTOCOL,
                        "probe",
                        30000,
                        new FamilySession("206.81.81.10", 100),
                        new FamilySession("2001:504:16::a:10", 100),
                        null,
                        List.of(
                                RegisteredPrefix.upTo("20.1.0.0/16", 25),
                                RegisteredPrefix.exact("20.0.0.0/7"),
                                RegisteredPrefix.exact("10.1.0.0/16"),
                                RegisteredPrefix.upTo("2620:1ec::/36", 49),
                                RegisteredPrefix.upTo("2001:db8::/32", 48))));
        router = TestRouter.start(
                bird, TestRouter.newDirectory(), new BirdConfigGenerator().generate(server) + harness());
        // The ROAs first, then the probes: a probe filtered before the ROA tables are filled would pass as unknown.
        await("the ROA tables")
                .atMost(Duration.ofSeconds(15))
                .until(() -> router.birdc("show", "route", "table", "rpki4").contains("AS30000")
                        && router.birdc("show", "route", "table", "rpki6").contains("AS30000"));
        router.birdc("enable", "probes_v4");
        router.birdc("enable", "probes_v6");
        await("the probes in their tables")
                .atMost(Duration.ofSeconds(15))
                .until(() -> prefixes("probe4").size() == PROBES_V4.size()
                        && prefixes("probe6").size() == PROBES_V6.size());
    }

    @AfterAll
    static void stopBird() throws InterruptedException {
        if (router != null) {
            router.stop();
        }
    }

    @Test
    void onlyTheIpv4RouteThatBreaksNoRuleIsAccepted() {
        assertEquals(accepted(PROBES_V4), rejectedBy(PROBES_V4, prefixes("accepted_p_v4")));
    }

    @Test
    void onlyTheIpv6RouteThatBreaksNoRuleIsAccepted() {
        assertEquals(accepted(PROBES_V6), rejectedBy(PROBES_V6, prefixes("accepted_p_v6")));
    }

    /** Each probe with what happened to it, so a failure names the rule that let a route through. */
    private static Map<String, String> rejectedBy(List<List<String>> probes, Set<String> accepted) {
        Map<String, String> outcome = new TreeMap<>();
        probes.forEach(p -> outcome.put(p.get(0), accepted.contains(p.get(0)) ? "accepted" : "rejected: " + p.get(2)));
        return outcome;
    }

    private static Map<String, String> accepted(List<List<String>> probes) {
        Map<String, String> outcome = new TreeMap<>();
        probes.forEach(p -> outcome.put(p.get(0), p.get(2).isEmpty() ? "accepted" : "rejected: " + p.get(2)));
        return outcome;
    }

    private static Set<String> prefixes(String table) {
        return router.birdc("show", "route", "table", table)
                .lines()
                .filter(l -> !l.isEmpty() && Character.isLetterOrDigit(l.charAt(0)) && l.contains("/"))
                .filter(l -> !l.startsWith("BIRD ") && !l.startsWith("Table "))
                .map(l -> l.split("\\s+")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The probe tables, the (disabled) static routes carrying the probes, and one pipe per filter. */
    private static String harness() {
        StringBuilder out = new StringBuilder("\n# Test harness (ImportFilterIT): probe routes through the filters.\n");
        for (String family : List.of("4", "6")) {
            List<List<String>> probes = family.equals("4") ? PROBES_V4 : PROBES_V6;
            out.append("ipv")
                    .append(family)
                    .append(" table probe")
                    .append(family)
                    .append(";\n");
            out.append("ipv")
                    .append(family)
                    .append(" table accepted_p_v")
                    .append(family)
                    .append(";\n");
            out.append("protocol static probes_v").append(family).append(" {\n  disabled;\n");
            out.append("  ipv")
                    .append(family)
                    .append(" { table probe")
                    .append(family)
                    .append("; import all; };\n");
            for (List<String> probe : probes) {
                out.append("  route ").append(probe.get(0)).append(" blackhole {");
                List<String> path = Arrays.asList(probe.get(1).split(" "));
                // prepend puts an ASN in front: the origin goes first, the neighbour last.
                for (int i = path.size() - 1; i >= 0; i--) {
                    out.append(" bgp_path.prepend(").append(path.get(i)).append(");");
                }
                out.append(" };\n");
            }
            out.append("}\n");
            out.append("protocol pipe probe_pipe_v").append(family).append(" {\n");
            out.append("  table probe").append(family).append(";\n");
            out.append("  peer table accepted_p_v").append(family).append(";\n");
            out.append("  export filter import_p_v").append(family).append(";\n");
            out.append("  import none;\n}\n");
        }
        return out.toString();
    }
}
