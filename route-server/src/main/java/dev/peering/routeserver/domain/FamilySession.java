package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;

/**
 * One address family of a peer's session: the peer's address on the exchange LAN and the most prefixes
 * it may announce ({@code peerSessionIPv4Address} and {@code maxPrefixesAdvertisedV4} in the ARM API).
 */
public record FamilySession(String peerAddress, int maxPrefixesAdvertised) {

    public FamilySession {
        Cidr.parseAddress(peerAddress);
        if (maxPrefixesAdvertised < 1) {
            throw new IllegalArgumentException(
                    "maxPrefixesAdvertised must be at least 1, got " + maxPrefixesAdvertised);
        }
    }

    public Cidr.Family family() {
        return Cidr.parseAddress(peerAddress).family();
    }
}
