package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;
import java.util.Comparator;
import java.util.Objects;

/**
 * A prefix a peer registered (its IRR route set, say), with the longest more-specific it may announce
 * inside it: {@code 20.1.0.0/16} up to {@code /24}.
 */
public record RegisteredPrefix(Cidr prefix, int maxLength) {

    /** Network address first, then prefix length, then max length: the order of the generated sets. */
    public static final Comparator<RegisteredPrefix> ORDER = Comparator.comparing((RegisteredPrefix p) ->
                    Cidr.parseAddress(p.prefix().network()).value())
            .thenComparingInt(p -> p.prefix().prefixLength())
            .thenComparingInt(RegisteredPrefix::maxLength);

    public RegisteredPrefix {
        Objects.requireNonNull(prefix, "prefix");
        if (maxLength < prefix.prefixLength() || maxLength > prefix.family().bits()) {
            throw new IllegalArgumentException("the max length of " + prefix + " must be " + prefix.prefixLength()
                    + ".." + prefix.family().bits() + ", got " + maxLength);
        }
    }

    /** Exactly this prefix, no more-specifics. */
    public static RegisteredPrefix exact(String cidr) {
        Cidr prefix = Cidr.parse(cidr);
        return new RegisteredPrefix(prefix, prefix.prefixLength());
    }

    /** This prefix and its more-specifics up to {@code maxLength}. */
    public static RegisteredPrefix upTo(String cidr, int maxLength) {
        return new RegisteredPrefix(Cidr.parse(cidr), maxLength);
    }
}
