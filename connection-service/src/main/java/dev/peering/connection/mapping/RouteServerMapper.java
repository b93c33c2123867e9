package dev.peering.connection.mapping;

import dev.peering.connection.domain.PeeringRoute;
import dev.peering.connection.domain.SessionState;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.domain.FamilySession;
import dev.peering.routeserver.domain.PeerSession;
import dev.peering.routeserver.domain.ReceivedRoute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Connections as a route server's sessions (ADR 0014): one {@link PeerSession} per live connection, named
 * for people reading the router ({@code seattle1_conn_a}) and made unique by a hash of the connection's
 * resource id, since two subscriptions may name their peerings alike.
 */
public final class RouteServerMapper {

    private static final int READABLE = 30;

    private RouteServerMapper() {}

    /** The router-safe session name of a connection: letters, digits and underscores, at most 39 characters. */
    public static String sessionName(ConnectionEntity e, PeeringViewEntity p) {
        String readable =
                (p.name + "_" + e.connectionIdentifier).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (readable.length() > READABLE) {
            readable = readable.substring(0, READABLE);
        }
        if (readable.isEmpty() || !Character.isLetter(readable.charAt(0))) {
            readable = "c" + readable;
        }
        return readable + "_" + hash(e.resourceId());
    }

    /**
     * The session of a connection on the route server at {@code routeServerV4}/{@code routeServerV6}: the
     * families whose Microsoft address is the route server's and whose session is live (not removed, not
     * being removed), without its MD5 key; empty when no family is.
     */
    public static Optional<PeerSession> toSession(
            ConnectionEntity e, PeeringViewEntity p, String routeServerV4, String routeServerV6) {
        FamilySession v4 = part(
                e.sessionStateV4,
                e.microsoftSessionIPv4Address,
                routeServerV4,
                e.peerSessionIPv4Address,
                e.maxPrefixesAdvertisedV4);
        FamilySession v6 = part(
                e.sessionStateV6,
                e.microsoftSessionIPv6Address,
                routeServerV6,
                e.peerSessionIPv6Address,
                e.maxPrefixesAdvertisedV6);
        if ((v4 == null && v6 == null) || p.peerAsn == null) {
            return Optional.empty();
        }
        String description = ("peering " + p.name + ", connection " + e.connectionIdentifier).replace('"', '\'');
        return Optional.of(PeerSession.of(sessionName(e, p), description, p.peerAsn, v4, v6));
    }

    /**
     * A received route as the ARM API shows it. The origin AS is Valid when it is the peer's own ASN; other
     * origins (the peer's customers, whose registered ASNs are registration-service's) are Unknown here.
     * The adapter's route server has no ROA source, so the RPKI state is Unknown and no trust anchor is named.
     */
    public static PeeringRoute toRoute(ReceivedRoute r, long peerAsn) {
        String asPath =
                String.join(" ", r.asPath().stream().map(String::valueOf).toList());
        String origin =
                r.originAsn().map(asn -> asn == peerAsn ? "Valid" : "Unknown").orElse("Unknown");
        String received = r.received().length() > 19 ? r.received().substring(0, 19) : r.received();
        return new PeeringRoute(
                r.prefix() + "@" + r.protocol(), r.prefix(), r.nextHop(), asPath, origin, "Unknown", null, received);
    }

    /** The route server's protocols of a connection's live sessions (as {@link #toSession} configures them). */
    public static java.util.List<String> protocols(ConnectionEntity e, PeeringViewEntity p) {
        java.util.List<String> names = new java.util.ArrayList<>();
        String session = sessionName(e, p);
        if (e.sessionStateV4 != SessionState.None && e.sessionStateV4 != SessionState.PendingRemove) {
            names.add(session + "_v4");
        }
        if (e.sessionStateV6 != SessionState.None && e.sessionStateV6 != SessionState.PendingRemove) {
            names.add(session + "_v6");
        }
        return names;
    }

    private static FamilySession part(
            SessionState state, String microsoft, String routeServer, String peer, Integer maxPrefixes) {
        if (state == SessionState.None
                || state == SessionState.PendingRemove
                || routeServer == null
                || microsoft == null
                || peer == null
                || maxPrefixes == null
                || !same(microsoft, routeServer)) {
            return null;
        }
        return new FamilySession(peer, maxPrefixes);
    }

    private static boolean same(String a, String b) {
        try {
            return Cidr.parseAddress(a).equals(Cidr.parseAddress(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
