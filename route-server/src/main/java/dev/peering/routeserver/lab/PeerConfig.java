package dev.peering.routeserver.lab;

import dev.peering.reference.net.Cidr;
import java.util.List;

/**
 * The BIRD configuration of a peer router on an {@link ExchangeLan}: one BGP session to the route server
 * per family it has an address of, announcing {@code prefixes} (unreachable static routes: nothing is
 * forwarded, only announced) and taking nothing back.
 *
 * @param md5Key the session's TCP MD5 password, or null
 * @param prefixes what it announces, each a prefix, optionally followed by the AS path behind the peer, origin
 *     last ({@code 20.1.1.0/24 64500}: the route server receives AS path "peerAsn 64500", as from a customer
 *     of the peer); a prefix alone is originated by the peer itself
 */
public record PeerConfig(
        long peerAsn,
        String addressV4,
        String addressV6,
        long routeServerAsn,
        String routeServerV4,
        String routeServerV6,
        String md5Key,
        List<String> prefixes) {

    public PeerConfig {
        prefixes = List.copyOf(prefixes);
    }

    /** The same peer announcing {@code next} instead. */
    public PeerConfig announcing(List<String> next) {
        return new PeerConfig(
                peerAsn, addressV4, addressV6, routeServerAsn, routeServerV4, routeServerV6, md5Key, next);
    }

    /** The same peer with another MD5 key (null for none). */
    public PeerConfig withMd5Key(String key) {
        return new PeerConfig(
                peerAsn, addressV4, addressV6, routeServerAsn, routeServerV4, routeServerV6, key, prefixes);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("# A peer router of the emulated exchange LAN (test harness, not generated for production).\n");
        out.append("log stderr all;\n");
        out.append("timeformat protocol iso long ms;\n");
        out.append("router id ").append(addressV4).append(";\n");
        out.append("protocol device {\n}\n");
        family(out, "ipv4", "v4", addressV4, routeServerV4, Cidr.Family.IPV4);
        if (addressV6 != null && routeServerV6 != null) {
            family(out, "ipv6", "v6", addressV6, routeServerV6, Cidr.Family.IPV6);
        }
        return out.toString();
    }

    private void family(StringBuilder out, String channel, String suffix, String local, String rs, Cidr.Family f) {
        out.append("\nprotocol static announced_")
                .append(suffix)
                .append(" {\n  ")
                .append(channel)
                .append(";\n");
        for (String announced : prefixes) {
            String[] words = announced.trim().split(" +");
            if (Cidr.parse(words[0]).family() != f) {
                continue;
            }
            out.append("  route ").append(words[0]).append(" unreachable");
            if (words.length > 1) {
                // prepend puts an ASN in front: the origin goes first, the ASN next to the peer last
                out.append(" {");
                for (int i = words.length - 1; i >= 1; i--) {
                    out.append(" bgp_path.prepend(")
                            .append(Long.parseLong(words[i]))
                            .append(");");
                }
                out.append(" }");
            }
            out.append(";\n");
        }
        out.append("}\n");
        out.append("\nprotocol bgp rs_").append(suffix).append(" {\n");
        out.append("  local ").append(local).append(" as ").append(peerAsn).append(";\n");
        out.append("  neighbor ")
                .append(rs)
                .append(" as ")
                .append(routeServerAsn)
                .append(";\n");
        if (md5Key != null) {
            out.append("  password \"").append(md5Key).append("\";\n");
        }
        // A short wait after an error, so a session the route server shut comes back within a test's patience.
        out.append("  error wait time 1, 5;\n");
        out.append("  connect retry time 2;\n");
        out.append("  ").append(channel).append(" {\n");
        out.append("    import none;\n");
        out.append("    export where proto = \"announced_").append(suffix).append("\";\n");
        out.append("  };\n}\n");
    }
}
