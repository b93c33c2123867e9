package dev.peering.registration.domain;

import java.util.Map;
import java.util.Set;

/** The prefixValidationState of a Peering Service prefix, as the ARM API spells it, and its transitions. */
public enum PrefixValidationState {
    None,
    Pending,
    Verified,
    Failed;

    private static final Map<PrefixValidationState, Set<PrefixValidationState>> ALLOWED = Map.of(
            None, Set.of(Pending),
            // validated: the key belongs to a live registered ASN, or the key or the prefix is not good
            Pending, Set.of(Verified, Failed, Pending),
            // a revoked key fails its prefixes; a changed prefix or key is validated again
            Verified, Set.of(Failed, Pending),
            Failed, Set.of(Pending));

    public boolean canMoveTo(PrefixValidationState next) {
        return ALLOWED.get(this).contains(next);
    }
}
