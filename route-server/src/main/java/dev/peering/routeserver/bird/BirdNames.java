package dev.peering.routeserver.bird;

import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.PeerSession;
import java.util.Optional;

/**
 * The names the generated configuration gives to things, and back: session {@code conn_a}'s IPv4 part is
 * protocol {@code conn_a_v4} with filter {@code import_conn_a_v4}.
 */
public final class BirdNames {

    public static final String ROA_TABLE_V4 = "rpki4";
    public static final String ROA_TABLE_V6 = "rpki6";

    private BirdNames() {}

    /** The BGP protocol of one family of a session. */
    public static String protocol(PeerSession session, Cidr.Family family) {
        return session.name() + suffix(family);
    }

    /** The session name and family a generated protocol name stands for. */
    public static Optional<SessionAndFamily> sessionOf(String protocol) {
        for (Cidr.Family family : Cidr.Family.values()) {
            String suffix = suffix(family);
            if (protocol.endsWith(suffix) && protocol.length() > suffix.length()) {
                return Optional.of(
                        new SessionAndFamily(protocol.substring(0, protocol.length() - suffix.length()), family));
            }
        }
        return Optional.empty();
    }

    /** A session name with one family. */
    public record SessionAndFamily(String session, Cidr.Family family) {}

    static String importFilter(PeerSession session, Cidr.Family family) {
        return "import_" + protocol(session, family);
    }

    static String registeredSet(PeerSession session, Cidr.Family family) {
        return "REGISTERED_" + protocol(session, family);
    }

    static String channel(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? "ipv4" : "ipv6";
    }

    static String roaTable(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? ROA_TABLE_V4 : ROA_TABLE_V6;
    }

    static String roaChannel(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? "roa4" : "roa6";
    }

    static String bogons(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? "BOGONS_V4" : "BOGONS_V6";
    }

    static String label(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? "IPv4" : "IPv6";
    }

    /**
     * A BIRD string literal. BIRD 2's strings have no escapes (a {@code "} always ends one), so a text with a
     * quote or a line break cannot be written and is refused; {@code what} names it without showing it.
     */
    static String quoted(String text, String what) {
        if (text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(
                    what + " contains a double quote or a line break, which a BIRD 2 configuration cannot hold");
        }
        return '"' + text + '"';
    }

    private static String suffix(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? "_v4" : "_v6";
    }
}
