package dev.peering.registration.domain;

import dev.peering.core.ArmException;
import dev.peering.reference.net.Cidr;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which prefixes a customer may register with Peering Service. {@link #parse} refuses text that is not
 * an IPv4 or IPv6 CIDR prefix (bad input, a 400); {@link #whyNotAcceptable} names the rule a well-formed
 * prefix breaks (private, reserved, documentation, multicast, or too specific for the global routing
 * table), which fails the prefix's validation. Reading and writing prefixes is {@link Cidr}'s job; this
 * class words the refusals as the ARM API answers them.
 */
public final class PrefixRules {

    /** The most specific prefixes the global routing table carries. */
    public static final int MAX_IPV4_LENGTH = 24;

    public static final int MAX_IPV6_LENGTH = 48;

    private static final String FIELD = "properties.prefix";
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,3}");
    // Cidr reads 020.1.2.0 as 20.1.2.0, as Java does; elsewhere a leading zero may mean octal, so it is refused
    private static final Pattern LEADING_ZERO = Pattern.compile("(^|\\.)0[0-9]");
    // Cidr refuses IPv4-mapped IPv6 (Java reads it as IPv4); here it is IPv6, which then fails as not global unicast
    private static final String MAPPED = "::ffff:";
    private static final int MAPPED_BITS = 96;

    /**
     * A well-formed prefix: a {@link Cidr}, or for an IPv4-mapped IPv6 prefix ({@code ::ffff:a.b.c.d/n}) the
     * IPv4 prefix it maps ({@code a.b.c.d/(n-96)}).
     */
    public record Prefix(Cidr cidr, boolean ipv4Mapped) {

        public boolean isIpv4() {
            return !ipv4Mapped && cidr.family() == Cidr.Family.IPV4;
        }

        public int length() {
            return ipv4Mapped ? cidr.prefixLength() + MAPPED_BITS : cidr.prefixLength();
        }

        /** The prefix as this service writes it: lower case, IPv6 compressed, e.g. {@code 2620:1ec::/48}. */
        public String canonical() {
            return ipv4Mapped ? MAPPED + cidr.network() + "/" + length() : cidr.toString();
        }

        /** Whether the two prefixes share any address. */
        public boolean overlaps(Prefix other) {
            return within(other) || other.within(this);
        }

        /** Whether every address of this prefix is in {@code other}. */
        public boolean within(Prefix other) {
            return ipv4Mapped == other.ipv4Mapped && other.cidr.contains(cidr);
        }
    }

    private record Reserved(Prefix prefix, String reason) {}

    private static final List<Reserved> RESERVED_V4 = List.of(
            reserved("0.0.0.0/8", "is 'this network' (RFC 791)"),
            reserved("10.0.0.0/8", "is private address space (RFC 1918)"),
            reserved("100.64.0.0/10", "is shared address space for carrier-grade NAT (RFC 6598)"),
            reserved("127.0.0.0/8", "is loopback (RFC 1122)"),
            reserved("169.254.0.0/16", "is link-local (RFC 3927)"),
            reserved("172.16.0.0/12", "is private address space (RFC 1918)"),
            reserved("192.0.0.0/24", "is reserved for IETF protocol assignments (RFC 6890)"),
            reserved("192.0.2.0/24", "is reserved for documentation (RFC 5737)"),
            reserved("192.168.0.0/16", "is private address space (RFC 1918)"),
            reserved("198.18.0.0/15", "is reserved for benchmarking (RFC 2544)"),
            reserved("198.51.100.0/24", "is reserved for documentation (RFC 5737)"),
            reserved("203.0.113.0/24", "is reserved for documentation (RFC 5737)"),
            reserved("224.0.0.0/4", "is multicast (RFC 5771)"),
            reserved("240.0.0.0/4", "is reserved (RFC 1112), including the broadcast address"));

    private static final Prefix GLOBAL_UNICAST_V6 = parse("2000::/3");

    private static final List<Reserved> RESERVED_V6 = List.of(
            reserved("2001::/23", "is reserved for IETF protocol assignments (RFC 2928)"),
            reserved("2001:db8::/32", "is reserved for documentation (RFC 3849)"));

    private PrefixRules() {}

    /**
     * Reads a CIDR prefix such as {@code 198.51.100.0/24} or {@code 2001:db8::/32}.
     *
     * @throws ArmException 400 when the text is not a prefix, or has host bits set
     */
    public static Prefix parse(String text) {
        if (text == null || text.isBlank()) {
            throw ArmException.invalidField(FIELD, "is required: an IPv4 or IPv6 prefix such as 20.1.2.0/24.");
        }
        int slash = text.indexOf('/');
        if (slash < 0 || !LENGTH.matcher(text.substring(slash + 1)).matches()) {
            throw notAPrefix(text);
        }
        String address = text.substring(0, slash);
        boolean mapped = address.regionMatches(true, 0, MAPPED, 0, MAPPED.length()) && address.indexOf('.') > 0;
        String literal = mapped ? address.substring(MAPPED.length()) : address;
        int shift = mapped ? MAPPED_BITS : 0;
        Cidr.Address parsed = address(literal, text);
        if (mapped && parsed.family() != Cidr.Family.IPV4) {
            throw notAPrefix(text);
        }
        int width = parsed.family().bits() + shift;
        int length = Integer.parseInt(text.substring(slash + 1));
        if (length > width) {
            throw ArmException.invalidField(
                    FIELD, "'" + abbreviate(text) + "' has a length above /" + width + ", the most an address has.");
        }
        if (length < shift) {
            // ::ffff: is itself set below a /96
            throw notAPrefix(text);
        }
        try {
            return new Prefix(Cidr.parse(literal + "/" + (length - shift)), mapped);
        } catch (IllegalArgumentException e) {
            // the address and the length are good, so what Cidr refuses is host bits
            throw hostBitsSet(text, parsed, length - shift, mapped);
        }
    }

    /** Why the prefix cannot be used with Peering Service, or empty when it can. */
    public static Optional<String> whyNotAcceptable(Prefix prefix) {
        if (prefix.isIpv4()) {
            for (Reserved r : RESERVED_V4) {
                if (prefix.overlaps(r.prefix())) {
                    return Optional.of(describe(prefix, r));
                }
            }
            if (prefix.length() > MAX_IPV4_LENGTH) {
                return Optional.of("IPv4 prefixes more specific than /" + MAX_IPV4_LENGTH
                        + " are not accepted in the global routing table; register the covering /"
                        + MAX_IPV4_LENGTH + ".");
            }
            return Optional.empty();
        }
        if (!prefix.within(GLOBAL_UNICAST_V6)) {
            return Optional.of("The prefix is not global unicast IPv6 address space (2000::/3): loopback,"
                    + " unique-local (fc00::/7), link-local (fe80::/10), multicast and IPv4-mapped addresses"
                    + " cannot be registered.");
        }
        for (Reserved r : RESERVED_V6) {
            if (prefix.overlaps(r.prefix())) {
                return Optional.of(describe(prefix, r));
            }
        }
        if (prefix.length() > MAX_IPV6_LENGTH) {
            return Optional.of("IPv6 prefixes more specific than /" + MAX_IPV6_LENGTH
                    + " are not accepted in the global routing table; register the covering /"
                    + MAX_IPV6_LENGTH + ".");
        }
        return Optional.empty();
    }

    private static String describe(Prefix prefix, Reserved r) {
        String range = r.prefix().canonical();
        return prefix.within(r.prefix())
                ? "The prefix is within " + range + ", which " + r.reason() + " and cannot be registered."
                : "The prefix covers " + range + ", which " + r.reason() + " and cannot be registered.";
    }

    private static Cidr.Address address(String literal, String text) {
        if (literal.indexOf(':') < 0 && LEADING_ZERO.matcher(literal).find()) {
            throw notAPrefix(text);
        }
        try {
            return Cidr.parseAddress(literal);
        } catch (IllegalArgumentException e) {
            throw notAPrefix(text);
        }
    }

    // Cidr names the network only inside its own message; this API names it in its words, so it is worked out here.
    private static ArmException hostBitsSet(String text, Cidr.Address address, int length, boolean mapped) {
        BigInteger hostBits =
                BigInteger.ONE.shiftLeft(address.family().bits() - length).subtract(BigInteger.ONE);
        Cidr.Address network =
                new Cidr.Address(address.family(), address.value().andNot(hostBits));
        String prefix = mapped ? MAPPED + network + "/" + (length + MAPPED_BITS) : network + "/" + length;
        return ArmException.invalidField(
                FIELD, "'" + abbreviate(text) + "' has host bits set; the prefix is " + prefix + ".");
    }

    private static Reserved reserved(String cidr, String reason) {
        return new Reserved(parse(cidr), reason);
    }

    private static ArmException notAPrefix(String text) {
        return ArmException.invalidField(
                FIELD,
                "'" + abbreviate(text) + "' is not an IPv4 or IPv6 prefix; write it as address/length,"
                        + " such as 20.1.2.0/24 or 2620:1ec::/48.");
    }

    private static String abbreviate(String value) {
        return value.length() > 50 ? value.substring(0, 50) + "..." : value;
    }
}
