package dev.peering.registration.domain;

import dev.peering.core.ArmException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which prefixes a customer may register with Peering Service. {@link #parse} refuses text that is not
 * an IPv4 or IPv6 CIDR prefix (bad input, a 400); {@link #whyNotAcceptable} names the rule a well-formed
 * prefix breaks (private, reserved, documentation, multicast, or too specific for the global routing
 * table), which fails the prefix's validation.
 */
public final class PrefixRules {

    /** The most specific prefixes the global routing table carries. */
    public static final int MAX_IPV4_LENGTH = 24;

    public static final int MAX_IPV6_LENGTH = 48;

    private static final String FIELD = "properties.prefix";
    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]");
    private static final Pattern IPV4 =
            Pattern.compile("(" + OCTET + ")\\.(" + OCTET + ")\\.(" + OCTET + ")\\.(" + OCTET + ")");
    // hex digits, ':' and an embedded dotted IPv4 tail; no zone ids, no host names
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,3}");

    /** An IPv4 or IPv6 prefix: the network address as a number of {@code width} bits, and its length. */
    public record Prefix(int width, BigInteger network, int length) {

        public boolean isIpv4() {
            return width == 32;
        }

        /** The prefix as this service writes it: lower case, IPv6 compressed, e.g. {@code 2620:1ec::/48}. */
        public String canonical() {
            return format(width, network) + "/" + length;
        }

        /** Whether the two prefixes share any address. */
        public boolean overlaps(Prefix other) {
            if (width != other.width) {
                return false;
            }
            int common = Math.min(length, other.length);
            return network.shiftRight(width - common).equals(other.network.shiftRight(width - common));
        }

        /** Whether every address of this prefix is in {@code other}. */
        public boolean within(Prefix other) {
            return width == other.width && length >= other.length && overlaps(other);
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
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw notAPrefix(text);
        }
        String address = text.substring(0, slash);
        String lengthText = text.substring(slash + 1);
        if (!LENGTH.matcher(lengthText).matches()) {
            throw notAPrefix(text);
        }
        byte[] bytes = addressBytes(address, text);
        int width = bytes.length * 8;
        int length = Integer.parseInt(lengthText);
        if (length > width) {
            throw ArmException.invalidField(
                    FIELD, "'" + abbreviate(text) + "' has a length above /" + width + ", the most an address has.");
        }
        BigInteger network = new BigInteger(1, bytes);
        BigInteger hostBits = BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
        if (network.and(hostBits).signum() != 0) {
            BigInteger cleared = network.andNot(hostBits);
            throw ArmException.invalidField(
                    FIELD,
                    "'" + abbreviate(text) + "' has host bits set; the prefix is " + format(width, cleared) + "/"
                            + length + ".");
        }
        return new Prefix(width, network, length);
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

    private static byte[] addressBytes(String address, String text) {
        if (IPV4.matcher(address).matches()) {
            return literal(address, text).getAddress();
        }
        if (!address.contains(":") || !IPV6.matcher(address).matches()) {
            throw notAPrefix(text);
        }
        InetAddress parsed = literal(address, text);
        if (parsed instanceof Inet4Address v4) {
            // Java reads an IPv4-mapped IPv6 literal (::ffff:a.b.c.d) as IPv4; keep it IPv6
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
            return mapped;
        }
        return parsed.getAddress();
    }

    // Only literals reach here (checked by the patterns above), so no name is ever resolved.
    private static InetAddress literal(String address, String text) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException | SecurityException e) {
            throw notAPrefix(text);
        }
    }

    private static String format(int width, BigInteger network) {
        byte[] raw = network.toByteArray();
        byte[] bytes = new byte[width / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            String host = InetAddress.getByAddress(bytes).getHostAddress();
            return width == 128 ? compress(host) : host;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
        }
    }

    // Java writes IPv6 in full (2001:db8:0:0:0:0:0:0); people read the compressed form (2001:db8::).
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
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
