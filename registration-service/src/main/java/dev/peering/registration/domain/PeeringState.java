package dev.peering.registration.domain;

/** Whether a peering, as peering events report it, can take registrations. */
public enum PeeringState {
    /** Created; registrations need an Active connection too. */
    Live,
    /** Its PeerAsn failed validation; it will never carry traffic. */
    Failed,
    /** The operator asked to deprovision it; its registered ASNs were revoked. */
    Deprovisioning
}
