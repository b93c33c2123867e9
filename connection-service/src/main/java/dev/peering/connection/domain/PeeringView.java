package dev.peering.connection.domain;

import dev.peering.core.ArmException;

/**
 * A peering as this service knows it from peering events: enough to tell whether connections may be
 * added to it, and where it is.
 *
 * @param provisioningState the peering's provisioningState; null before peering-service said it
 */
public record PeeringView(String peeringId, String name, String peeringLocation, String provisioningState) {

    /** Connections are added to a Succeeded peering only; each other state says what to wait for. */
    public void requireOpenForConnections() {
        switch (provisioningState == null ? "" : provisioningState) {
            case "Failed" -> throw ArmException.conflict(
                    "PeeringFailed", "Peering '" + name + "' failed; a connection cannot be added to it.");
            case "Deleting" -> throw ArmException.conflict(
                    "PeeringIsDeprovisioning",
                    "Peering '" + name + "' is being deprovisioned; a connection cannot be added to it.");
            case "Updating" -> throw ArmException.conflict(
                    "PeeringNotReady",
                    "Peering '" + name + "' waits for its PeerAsn's approval; add the connection once the"
                            + " peering is Succeeded.");
            default -> {
                // Succeeded: connections can be added
            }
        }
    }
}
