package dev.peering.peerings.domain;

/** A PeerAsn's validationState as the peer-ASN topic spells it: what a peering waiting on it does next. */
public final class PeerAsnStates {

    public static final String PENDING = "Pending";
    public static final String APPROVED = "Approved";
    public static final String FAILED = "Failed";

    /**
     * Not a state of the topic: the view row a peering's creation inserts for a PeerAsn no event has
     * described yet, so that the creation and the PeerAsn's first event lock the same row (ADR 0009).
     * Such a row is a lock and nothing else: the PeerAsn is unknown, whatever else the row holds.
     */
    public static final String NOT_YET_KNOWN = "NotYetKnown";

    private PeerAsnStates() {}

    /** True when an event has described the PeerAsn (the row is not a placeholder). */
    public static boolean known(String validationState) {
        return validationState != null && !NOT_YET_KNOWN.equals(validationState);
    }
}
