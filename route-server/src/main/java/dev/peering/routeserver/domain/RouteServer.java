package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The wanted configuration of one exchange route server: its identity on the exchange LAN, the exchange's
 * policy, the optional ROA source and one {@link PeerSession} per live connection. Sessions are kept in
 * name order, so the same sessions always give the same configuration text.
 *
 * @param localAddressV4 the route server's IPv4 address on the exchange LAN (the Microsoft session
 *     address), or null when it has no IPv4 session
 * @param port the TCP port BGP listens and connects on (179; tests take a free one)
 * @param roaSource where the ROA tables come from, or null: no RPKI origin validation
 * @param logFile where BIRD logs, or null for syslog
 */
public record RouteServer(
        String routerId,
        long localAsn,
        String localAddressV4,
        String localAddressV6,
        int port,
        ExchangePolicy policy,
        RoaSource roaSource,
        String logFile,
        List<PeerSession> sessions) {

    public static final int BGP_PORT = 179;

    public RouteServer {
        requireAddress(routerId, Cidr.Family.IPV4, "the router id");
        Asns.require(localAsn, "the local ASN");
        if (localAddressV4 != null) {
            requireAddress(localAddressV4, Cidr.Family.IPV4, "the local IPv4 address");
        }
        if (localAddressV6 != null) {
            requireAddress(localAddressV6, Cidr.Family.IPV6, "the local IPv6 address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the BGP port must be 1..65535, got " + port);
        }
        Objects.requireNonNull(policy, "policy");
        if (logFile != null && (logFile.isBlank() || logFile.contains("\"") || logFile.contains("\n"))) {
            throw new IllegalArgumentException("the log file must be a path without quotes, got " + logFile);
        }
        sessions = sessions.stream()
                .sorted(Comparator.comparing(PeerSession::name))
                .toList();
        checkSessions(sessions, localAddressV4, localAddressV6);
    }

    /** A route server with the default policy, no RPKI, logging to syslog and no session yet. */
    public static RouteServer of(String routerId, long localAsn, String localAddressV4, String localAddressV6) {
        return new RouteServer(
                routerId,
                localAsn,
                localAddressV4,
                localAddressV6,
                BGP_PORT,
                ExchangePolicy.defaults(),
                null,
                null,
                List.of());
    }

    /** This route server with {@code session} added, or replacing the session of the same name. */
    public RouteServer withSession(PeerSession session) {
        List<PeerSession> next = new ArrayList<>(sessions);
        next.removeIf(s -> s.name().equals(session.name()));
        next.add(session);
        return withSessions(next);
    }

    /** This route server without the session named {@code name} (the same when there is none). */
    public RouteServer withoutSession(String name) {
        return withSessions(
                sessions.stream().filter(s -> !s.name().equals(name)).toList());
    }

    public RouteServer withSessions(List<PeerSession> next) {
        return new RouteServer(
                routerId, localAsn, localAddressV4, localAddressV6, port, policy, roaSource, logFile, next);
    }

    public RouteServer withPolicy(ExchangePolicy next) {
        return new RouteServer(
                routerId, localAsn, localAddressV4, localAddressV6, port, next, roaSource, logFile, sessions);
    }

    public RouteServer withRoaSource(RoaSource next) {
        return new RouteServer(
                routerId, localAsn, localAddressV4, localAddressV6, port, policy, next, logFile, sessions);
    }

    public RouteServer withPort(int next) {
        return new RouteServer(
                routerId, localAsn, localAddressV4, localAddressV6, next, policy, roaSource, logFile, sessions);
    }

    public RouteServer withLogFile(String next) {
        return new RouteServer(
                routerId, localAsn, localAddressV4, localAddressV6, port, policy, roaSource, next, sessions);
    }

    /** The route server's own address for {@code family}. */
    public String localAddress(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? localAddressV4 : localAddressV6;
    }

    private static void checkSessions(List<PeerSession> sessions, String localV4, String localV6) {
        Set<String> names = new HashSet<>();
        Set<String> peers = new HashSet<>();
        for (PeerSession s : sessions) {
            if (!names.add(s.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("two sessions are named " + s.name());
            }
            for (Cidr.Family family : Cidr.Family.values()) {
                var part = s.part(family);
                if (part.isEmpty()) {
                    continue;
                }
                if ((family == Cidr.Family.IPV4 ? localV4 : localV6) == null) {
                    throw new IllegalArgumentException("session " + s.name() + " has an " + family
                            + " part but the route server has no " + family + " address");
                }
                // One BGP protocol per neighbour address: a second would never come up.
                String address = Cidr.parseAddress(part.get().peerAddress()).toString();
                if (!peers.add(address)) {
                    throw new IllegalArgumentException(
                            "two sessions have the peer address " + address + " (the second is " + s.name() + ")");
                }
            }
        }
    }

    private static void requireAddress(String text, Cidr.Family family, String what) {
        Cidr.Address address;
        try {
            address = Cidr.parseAddress(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be an " + family + " address, got " + text);
        }
        if (address.family() != family) {
            throw new IllegalArgumentException(what + " must be an " + family + " address, got " + text);
        }
    }
}
