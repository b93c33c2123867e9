package dev.peering.peerings.domain;

/** A PeerAsn's validationState as the peer-ASN topic spells it: what a peering waiting on it does next. */
public final class PeerAsnStates {

    public static final String PENDING = "Pending";
    public static final String APPROVED = "Approved";
    public static final String FAILED = "Failed";

    private PeerAsnStates() {}
}
