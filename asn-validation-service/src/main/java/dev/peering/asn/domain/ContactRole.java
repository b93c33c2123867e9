package dev.peering.asn.domain;

/** The role of a PeerAsn contact, as the ARM API spells it. */
public enum ContactRole {
    Noc,
    Policy,
    Technical,
    Service,
    Escalation,
    Other
}
