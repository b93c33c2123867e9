package dev.peering.routeserver.bird;

import dev.peering.reference.net.Cidr;
import java.util.List;

/**
 * Address space no peer may announce on an exchange: unallocated, private, shared, loopback, link-local,
 * documentation, benchmarking, multicast and reserved ranges (RFC 6890 and its IPv6 counterparts, the list
 * route servers commonly filter). Each entry covers its more-specifics.
 */
final class Bogons {

    static final List<String> V4 = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4");

    static final List<String> V6 = List.of(
            "::/8",
            "100::/64",
            "2001:2::/48",
            "2001:10::/28",
            "2001:db8::/32",
            "2002::/16",
            "3ffe::/16",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8");

    private Bogons() {}

    static void write(StringBuilder out) {
        out.append("# Bogons: private, reserved, documentation and multicast space, with every more-specific.\n");
        define(out, Cidr.Family.IPV4, V4);
        define(out, Cidr.Family.IPV6, V6);
    }

    private static void define(StringBuilder out, Cidr.Family family, List<String> prefixes) {
        out.append("define ").append(BirdNames.bogons(family)).append(" = [\n");
        for (int i = 0; i < prefixes.size(); i++) {
            out.append("  ")
                    .append(Cidr.parse(prefixes.get(i)))
                    .append('+')
                    .append(i < prefixes.size() - 1 ? "," : "")
                    .append('\n');
        }
        out.append("];\n");
    }
}
