package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Where the route server's ROA tables come from, when RPKI origin validation is on: an RPKI-to-Router
 * cache (a validator such as Routinator), or a fixed list (tests, a lab, an exchange without a cache).
 */
public sealed interface RoaSource {

    /** An RTR cache at {@code host:port}. */
    record RtrCache(String host, int port) implements RoaSource {
        public RtrCache {
            if (host == null || !host.matches("[A-Za-z0-9.:-]{1,253}")) {
                throw new IllegalArgumentException("the RTR cache host must be a host name or address, got " + host);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the RTR cache port must be 1..65535, got " + port);
            }
        }
    }

    /** A fixed list of ROAs. */
    record StaticRoas(List<Roa> roas) implements RoaSource {
        public StaticRoas {
            roas = roas.stream().sorted(Roa.ORDER).distinct().toList();
        }
    }

    /** One Route Origin Authorisation: {@code asn} may originate {@code prefix} and its more-specifics up to {@code maxLength}. */
    record Roa(Cidr prefix, int maxLength, long asn) {

        static final Comparator<Roa> ORDER = Comparator.comparing(
                        (Roa r) -> new RegisteredPrefix(r.prefix(), r.maxLength()), RegisteredPrefix.ORDER)
                .thenComparingLong(Roa::asn);

        public Roa {
            Objects.requireNonNull(prefix, "prefix");
            new RegisteredPrefix(prefix, maxLength);
            Asns.require(asn, "the ROA's ASN");
        }

        public static Roa of(String cidr, int maxLength, long asn) {
            return new Roa(Cidr.parse(cidr), maxLength, asn);
        }
    }
}
