package dev.peering.asn.domain;

/** Names one PeerAsn the way its ARM path does; the one place its resource id is spelt. */
public record PeerAsnRef(String subscriptionId, String name) {

    /** The ARM resource id, the record key and subject of the PeerAsn's events. */
    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peerAsns/" + name;
    }
}
