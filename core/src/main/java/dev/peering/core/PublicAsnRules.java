package dev.peering.core;

import java.util.List;
import java.util.Optional;

/**
 * Whether an Autonomous System Number may be used on the public Internet, as both PeerAsn validation
 * and customer-ASN registration require. Ranges from the IANA "Autonomous System (AS) Numbers"
 * registry (RFC 1930, RFC 5398, RFC 6793, RFC 6996, RFC 7300).
 */
public final class PublicAsnRules {

    /** The largest 32-bit ASN. */
    public static final long MAX_ASN = 4_294_967_295L;
    /** The network on the other side of every peering: it cannot peer with itself. */
    public static final long MICROSOFT_ASN = 8075;

    private record Range(long first, long last, String reason) {
        boolean contains(long asn) {
            return asn >= first && asn <= last;
        }
    }

    private static final List<Range> NOT_PUBLIC = List.of(
            new Range(0, 0, "ASN 0 is reserved (RFC 7607) and cannot be used"),
            new Range(23456, 23456, "ASN 23456 is AS_TRANS (RFC 6793), not a real network"),
            new Range(64496, 64511, "ASNs 64496-64511 are reserved for documentation (RFC 5398)"),
            new Range(64512, 65534, "ASNs 64512-65534 are private (RFC 6996); use a public ASN"),
            new Range(65535, 65535, "ASN 65535 is reserved (RFC 7300)"),
            new Range(65536, 65551, "ASNs 65536-65551 are reserved for documentation (RFC 5398)"),
            new Range(65552, 131071, "ASNs 65552-131071 are reserved by IANA"),
            new Range(
                    4_200_000_000L,
                    4_294_967_294L,
                    "ASNs 4200000000-4294967294 are private (RFC 6996); use a public ASN"),
            new Range(MAX_ASN, MAX_ASN, "ASN 4294967295 is reserved (RFC 7300)"),
            new Range(MICROSOFT_ASN, MICROSOFT_ASN, "ASN 8075 is Microsoft's own network and cannot peer with itself"));

    private PublicAsnRules() {}

    /** Whether the value fits the API's ASN field at all (a 32-bit unsigned number). */
    public static boolean inRange(long asn) {
        return asn >= 0 && asn <= MAX_ASN;
    }

    /**
     * Why the ASN is not a public one, or empty when it is.
     *
     * @param asn a number within {@link #inRange(long)}
     */
    public static Optional<String> whyNotPublic(long asn) {
        if (!inRange(asn)) {
            return Optional.of("ASN " + asn + " is outside the 32-bit range 1-4294967295");
        }
        return NOT_PUBLIC.stream()
                .filter(r -> r.contains(asn))
                .map(Range::reason)
                .findFirst();
    }
}
