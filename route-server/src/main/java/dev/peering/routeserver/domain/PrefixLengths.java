package dev.peering.routeserver.domain;

import dev.peering.reference.net.Cidr;

/** The prefix lengths the route server accepts for one address family, inclusive. */
public record PrefixLengths(int shortest, int longest) {

    public PrefixLengths {
        if (shortest < 0 || longest > 128 || shortest > longest) {
            throw new IllegalArgumentException(
                    "prefix lengths must run from a shortest to a longest length, got " + shortest + ".." + longest);
        }
    }

    /** These bounds, checked against the family's address width. */
    PrefixLengths checkedFor(Cidr.Family family) {
        if (longest > family.bits()) {
            throw new IllegalArgumentException(
                    family + " prefix lengths end at " + family.bits() + ", got " + shortest + ".." + longest);
        }
        return this;
    }
}
