package dev.peering.routeserver.domain;

/** The 32-bit ASN range BGP speaks (RFC 6793); which of them are public is the services' rule, not the router's. */
final class Asns {

    private Asns() {}

    static long require(long asn, String what) {
        if (asn < 1 || asn > 4_294_967_295L) {
            throw new IllegalArgumentException(what + " must be 1..4294967295, got " + asn);
        }
        return asn;
    }
}
