package dev.peering.registration.domain;

import java.util.Map;
import java.util.Set;

/**
 * The prefixValidationState of a Peering Service prefix and of a registered prefix, as the ARM API spells
 * it, and its transitions. {@code Invalid}: the prefix itself can never be accepted (private, reserved,
 * documentation, too specific). {@code Failed}: a check about who may use it failed (key, origin ASN,
 * another customer's prefix). {@code Warning}: usable, with something the owner should fix (its peering has
 * no Active connection now, or the route server receives no route for it). {@code Unknown} is not used: where
 * no routes can be read the origin ASN is not checked and the reason says so (ADR 0020).
 */
public enum PrefixValidationState {
    None,
    Pending,
    Verified,
    Failed,
    Invalid,
    Warning,
    Unknown;

    private static final Set<PrefixValidationState> DECIDED = Set.of(Verified, Failed, Invalid, Warning, Unknown);

    private static final Map<PrefixValidationState, Set<PrefixValidationState>> ALLOWED = Map.of(
            None, Set.of(Pending),
            // validated: one of the decided states, or Pending again when asked to validate again
            Pending, union(DECIDED, Set.of(Pending)),
            // a revoked key fails its prefixes; a changed prefix or key, or a request, is validated again
            Verified, Set.of(Failed, Warning, Pending),
            Warning, Set.of(Failed, Verified, Pending),
            Failed, Set.of(Pending),
            Invalid, Set.of(Pending),
            Unknown, Set.of(Pending));

    public boolean canMoveTo(PrefixValidationState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Whether a Prefix Key of a registered prefix in this state verifies its customers' prefixes. */
    public boolean usable() {
        return this == Verified || this == Warning;
    }

    private static Set<PrefixValidationState> union(Set<PrefixValidationState> a, Set<PrefixValidationState> b) {
        java.util.EnumSet<PrefixValidationState> all = java.util.EnumSet.copyOf(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
