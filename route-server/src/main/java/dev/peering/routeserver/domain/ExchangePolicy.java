package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;
import java.util.Objects;

/**
 * What an exchange decides once for all the sessions of its route server: who opens the connections,
 * what a tripped max-prefix limit does, and the import rules every peer gets.
 *
 * @param requirePeerAsnFirst whether a route must carry the peer's own ASN first in its AS path (an
 *     exchange whose peers are transparent route servers turns it off)
 */
public record ExchangePolicy(
        SessionMode mode,
        LimitAction limitAction,
        PrefixLengths ipv4Lengths,
        PrefixLengths ipv6Lengths,
        boolean dropBogons,
        boolean requirePeerAsnFirst) {

    public ExchangePolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(limitAction, "limitAction");
        ipv4Lengths = Objects.requireNonNull(ipv4Lengths, "ipv4Lengths").checkedFor(Cidr.Family.IPV4);
        ipv6Lengths = Objects.requireNonNull(ipv6Lengths, "ipv6Lengths").checkedFor(Cidr.Family.IPV6);
    }

    /** The usual route-server rules: /8../24 and /16../48, bogons dropped, the peer's ASN first, restart on a trip. */
    public static ExchangePolicy defaults() {
        return new ExchangePolicy(
                SessionMode.ACTIVE,
                LimitAction.RESTART,
                new PrefixLengths(8, 24),
                new PrefixLengths(16, 48),
                true,
                true);
    }

    public PrefixLengths lengths(Cidr.Family family) {
        return family == Cidr.Family.IPV4 ? ipv4Lengths : ipv6Lengths;
    }

    public ExchangePolicy withMode(SessionMode newMode) {
        return new ExchangePolicy(newMode, limitAction, ipv4Lengths, ipv6Lengths, dropBogons, requirePeerAsnFirst);
    }

    public ExchangePolicy withLimitAction(LimitAction action) {
        return new ExchangePolicy(mode, action, ipv4Lengths, ipv6Lengths, dropBogons, requirePeerAsnFirst);
    }

    public ExchangePolicy withDropBogons(boolean drop) {
        return new ExchangePolicy(mode, limitAction, ipv4Lengths, ipv6Lengths, drop, requirePeerAsnFirst);
    }

    public ExchangePolicy withRequirePeerAsnFirst(boolean require) {
        return new ExchangePolicy(mode, limitAction, ipv4Lengths, ipv6Lengths, dropBogons, require);
    }
}
