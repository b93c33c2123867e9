package dev.peering.reference.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 prefix in CIDR notation ({@code 206.81.80.0/22}, {@code 2001:504:16::/64}). The address
 * part must be the network address itself (no host bits set), as an exchange publishes its peering LAN.
 */
public final class Cidr {

    public enum Family {
        IPV4(32),
        IPV6(128);

        private final int bits;

        Family(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    // Only hex digits, colons and dots: a literal, so InetAddress never falls back to a DNS lookup.
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final Family family;
    private final BigInteger network;
    private final int prefixLength;

    private Cidr(Family family, BigInteger network, int prefixLength) {
        this.family = family;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code address/length}.
     *
     * @throws IllegalArgumentException with a message fit for a user when the text is not a CIDR
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be a CIDR prefix such as 192.0.2.0/24");
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR prefix (address/length)");
        }
        Address address = parseAddressOrNull(text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' does not start with an IP address");
        }
        String lengthText = text.substring(slash + 1);
        if (!lengthText.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length");
        }
        int length = Integer.parseInt(lengthText);
        if (length > address.family().bits()) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length above "
                    + address.family().bits());
        }
        BigInteger network = address.value().and(mask(address.family(), length));
        if (!network.equals(address.value())) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; the network address is "
                    + format(address.family(), network) + "/" + length);
        }
        return new Cidr(address.family(), network, length);
    }

    /** An IP address literal with its family; parsing never resolves names. */
    public record Address(Family family, BigInteger value) {
        @Override
        public String toString() {
            return format(family, value);
        }
    }

    /**
     * Parses an IPv4 or IPv6 address literal.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static Address parseAddress(String text) {
        Address address = parseAddressOrNull(text);
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        return address;
    }

    private static Address parseAddressOrNull(String text) {
        if (text == null) {
            return null;
        }
        Family family;
        if (IPV4.matcher(text).matches()) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
            family = Family.IPV4;
        } else if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
            family = Family.IPV6;
        } else {
            return null;
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
        // An IPv4-mapped IPv6 literal comes back as 4 bytes; it is not a plain IPv6 address here.
        if (bytes.length != family.bits() / 8) {
            return null;
        }
        return new Address(family, new BigInteger(1, bytes));
    }

    public Family family() {
        return family;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** The first address of the prefix. */
    public String network() {
        return format(family, network);
    }

    /** The last address of the prefix (IPv4's broadcast address; IPv6 has none, this is the all-ones host). */
    public String broadcast() {
        return format(family, last());
    }

    /** Whether the address literal is an address of this prefix (false for another family or a non-address). */
    public boolean contains(String address) {
        Address parsed = parseAddressOrNull(address);
        return parsed != null && contains(parsed);
    }

    public boolean contains(Address address) {
        return address.family() == family
                && address.value().compareTo(network) >= 0
                && address.value().compareTo(last()) <= 0;
    }

    public boolean isNetwork(Address address) {
        return address.family() == family && address.value().equals(network);
    }

    public boolean isBroadcast(Address address) {
        return address.family() == family && address.value().equals(last());
    }

    /** Whether every address of {@code other} is in this prefix. */
    public boolean contains(Cidr other) {
        return other.family == family
                && other.prefixLength >= prefixLength
                && other.network.and(mask(family, prefixLength)).equals(network);
    }

    private BigInteger last() {
        return network.or(mask(family, prefixLength).xor(allOnes(family)));
    }

    private static BigInteger allOnes(Family family) {
        return BigInteger.ONE.shiftLeft(family.bits()).subtract(BigInteger.ONE);
    }

    private static BigInteger mask(Family family, int length) {
        return allOnes(family)
                .xor(BigInteger.ONE.shiftLeft(family.bits() - length).subtract(BigInteger.ONE));
    }

    private static String format(Family family, BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[family.bits() / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            String text = InetAddress.getByAddress(bytes).getHostAddress();
            return family == Family.IPV6 ? compress(text) : text;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // InetAddress prints 2001:504:16:0:0:0:0:0; people and exchanges write 2001:504:16::.
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
            return full.toLowerCase(Locale.ROOT);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return (head + "::" + tail).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.family == family && c.network.equals(network) && c.prefixLength == prefixLength;
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return network() + "/" + prefixLength;
    }
}
