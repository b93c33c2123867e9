package dev.peering.asn.domain;

/** A stored PeerAsn association as the use cases hand it out. */
public record PeerAsn(
        PeerAsnRef ref,
        long peerAsn,
        String peerName,
        Contacts contacts,
        ValidationState validationState,
        String errorMessage) {

    public String name() {
        return ref.name();
    }

    public String resourceId() {
        return ref.resourceId();
    }
}
