package dev.peering.routeserver.bird;

import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.PrefixLengths;
import dev.peering.routeserver.domain.RegisteredPrefix;
import dev.peering.routeserver.domain.RouteServer;
import java.util.List;
import java.util.Optional;

/**
 * The import filter of one family of one session: each rule of the exchange's policy and the peer's own
 * rules, one line each, in a fixed order (cheapest first); a route that passes them all is accepted.
 */
final class ImportFilters {

    private ImportFilters() {}

    static void write(StringBuilder out, RouteServer server, PeerSession session, Cidr.Family family) {
        var policy = server.policy();
        Optional<List<RegisteredPrefix>> registered = session.registeredPrefixes(family);
        registered.filter(list -> !list.isEmpty()).ifPresent(list -> defineSet(out, session, family, list));
        out.append("filter ").append(BirdNames.importFilter(session, family)).append(" {\n");

        PrefixLengths lengths = policy.lengths(family);
        rule(
                out,
                "prefix lengths the exchange accepts",
                "net.len < " + lengths.shortest() + " || net.len > " + lengths.longest());
        if (policy.dropBogons()) {
            rule(out, "bogons", "net ~ " + BirdNames.bogons(family));
        }
        if (policy.requirePeerAsnFirst()) {
            rule(out, "the peer's own ASN first in the AS path", "bgp_path.first != " + session.peerAsn());
        }
        if (server.roaSource() != null) {
            rule(
                    out,
                    "RPKI: an origin the ROAs do not authorise",
                    "roa_check(" + BirdNames.roaTable(family) + ", net, bgp_path.last) = ROA_INVALID");
        }
        if (registered.isPresent()) {
            if (registered.get().isEmpty()) {
                out.append("  # outside the peer's registered prefixes: it registered no ")
                        .append(BirdNames.label(family))
                        .append(" prefix\n");
                out.append("  reject;\n");
            } else {
                rule(
                        out,
                        "outside the peer's registered prefixes",
                        "net !~ " + BirdNames.registeredSet(session, family));
            }
        }
        if (registered.isEmpty() || !registered.get().isEmpty()) {
            out.append("  accept;\n");
        }
        out.append("}\n");
    }

    private static void rule(StringBuilder out, String why, String condition) {
        out.append("  # ").append(why).append('\n');
        out.append("  if ").append(condition).append(" then reject;\n");
    }

    /** One registered prefix a line: {@code 20.1.0.0/16{16,24}} (with its more-specifics) or {@code 20.1.2.0/24}. */
    private static void defineSet(
            StringBuilder out, PeerSession session, Cidr.Family family, List<RegisteredPrefix> prefixes) {
        out.append("define ").append(BirdNames.registeredSet(session, family)).append(" = [\n");
        for (int i = 0; i < prefixes.size(); i++) {
            RegisteredPrefix p = prefixes.get(i);
            out.append("  ").append(p.prefix());
            if (p.maxLength() != p.prefix().prefixLength()) {
                out.append('{')
                        .append(p.prefix().prefixLength())
                        .append(',')
                        .append(p.maxLength())
                        .append('}');
            }
            out.append(i < prefixes.size() - 1 ? ",\n" : "\n");
        }
        out.append("];\n");
    }
}
