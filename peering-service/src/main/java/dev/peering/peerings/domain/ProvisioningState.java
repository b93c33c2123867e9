package dev.peering.peerings.domain;

/**
 * ARM provisioningState of a peering: {@code Updating} while its connections wait on the PeerAsn's
 * approval, {@code Succeeded} once they are handed to provisioning, {@code Failed} when the PeerAsn
 * failed, {@code Deleting} while the operator's deprovisioning removes the connections.
 */
public enum ProvisioningState {
    Succeeded,
    Updating,
    Deleting,
    Failed
}
