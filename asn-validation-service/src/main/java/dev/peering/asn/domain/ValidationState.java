package dev.peering.asn.domain;

import java.util.Map;
import java.util.Set;

/** The validationState of a PeerAsn, as the ARM API spells it, and the transitions between them. */
public enum ValidationState {
    None,
    Pending,
    Approved,
    Failed;

    private static final Map<ValidationState, Set<ValidationState>> ALLOWED = Map.of(
            None, Set.of(Pending),
            Pending, Set.of(Approved, Failed),
            Approved, Set.of(),
            Failed, Set.of());

    public boolean canMoveTo(ValidationState next) {
        return ALLOWED.get(this).contains(next);
    }
}
