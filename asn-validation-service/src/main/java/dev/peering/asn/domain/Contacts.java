package dev.peering.asn.domain;

import java.util.List;

/** The contacts of a PeerAsn, in the order the peer gave them; stored as one JSON column. */
public record Contacts(List<Contact> items) {

    public Contacts {
        items = List.copyOf(items);
    }
}
