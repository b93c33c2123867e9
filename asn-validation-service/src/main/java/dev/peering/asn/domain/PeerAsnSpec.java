package dev.peering.asn.domain;

/** What a PUT asks for, already checked by {@link PeerAsnRules}. */
public record PeerAsnSpec(long peerAsn, String peerName, Contacts contacts) {}
