package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * One peer's BGP session with the route server, as a connection's {@code bgpSession} configures it: an
 * IPv4 part, an IPv6 part or both, each becoming one BGP protocol on the router.
 *
 * @param name a router-safe name, unique on the route server (letters, digits, underscores; starts with a letter)
 * @param description free text for people reading the router (the peering and connection it serves)
 * @param md5Key the TCP MD5 password, or null for none; never in {@link #toString()}
 * @param registeredPrefixes the only prefixes the peer may announce, or null when no registered set is
 *     configured (then only the exchange's rules apply); an empty list accepts nothing
 */
public record PeerSession(
        String name,
        String description,
        long peerAsn,
        FamilySession ipv4,
        FamilySession ipv6,
        String md5Key,
        List<RegisteredPrefix> registeredPrefixes) {

    private static final String NAME = "[A-Za-z][A-Za-z0-9_]{0,47}";

    public PeerSession {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("a session name must match " + NAME + ", got " + name);
        }
        description = description == null ? "" : description;
        Asns.require(peerAsn, "the peer ASN of session " + name);
        if (ipv4 == null && ipv6 == null) {
            throw new IllegalArgumentException("session " + name + " has neither an IPv4 nor an IPv6 part");
        }
        requireFamily(name, ipv4, Cidr.Family.IPV4);
        requireFamily(name, ipv6, Cidr.Family.IPV6);
        if (md5Key != null && md5Key.isEmpty()) {
            throw new IllegalArgumentException("the MD5 key of session " + name + " is empty: give none instead");
        }
        registeredPrefixes = registeredPrefixes == null
                ? null
                : registeredPrefixes.stream()
                        .sorted(RegisteredPrefix.ORDER)
                        .distinct()
                        .toList();
    }

    /** A session without MD5 key and without a registered prefix set. */
    public static PeerSession of(
            String name, String description, long peerAsn, FamilySession ipv4, FamilySession ipv6) {
        return new PeerSession(name, description, peerAsn, ipv4, ipv6, null, null);
    }

    public PeerSession withMd5Key(String key) {
        return new PeerSession(name, description, peerAsn, ipv4, ipv6, key, registeredPrefixes);
    }

    public PeerSession withRegisteredPrefixes(List<RegisteredPrefix> prefixes) {
        return new PeerSession(name, description, peerAsn, ipv4, ipv6, md5Key, prefixes);
    }

    /** The part of the session for {@code family}, if it is configured. */
    public Optional<FamilySession> part(Cidr.Family family) {
        return Optional.ofNullable(family == Cidr.Family.IPV4 ? ipv4 : ipv6);
    }

    /** The registered prefixes of one family, or empty when no registered set is configured. */
    public Optional<List<RegisteredPrefix>> registeredPrefixes(Cidr.Family family) {
        return Optional.ofNullable(registeredPrefixes)
                .map(all ->
                        all.stream().filter(p -> p.prefix().family() == family).toList());
    }

    private static void requireFamily(String name, FamilySession part, Cidr.Family family) {
        if (part != null && part.family() != family) {
            throw new IllegalArgumentException("the " + family + " part of session " + name + " has the address "
                    + part.peerAddress() + " of another family");
        }
    }

    /** Says whether a key is set, never the key (ADR 0006). */
    @Override
    public String toString() {
        return "PeerSession[name=" + name + ", description=" + description + ", peerAsn=" + peerAsn + ", ipv4="
                + ipv4 + ", ipv6=" + ipv6 + ", md5Key=" + (md5Key == null ? "none" : "(set)")
                + ", registeredPrefixes=" + registeredPrefixes + "]";
    }
}
