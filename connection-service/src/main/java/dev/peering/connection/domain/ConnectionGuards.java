package dev.peering.connection.domain;

import dev.peering.core.ArmException;

/**
 * The refusals of the peer's and the operator's commands, with the words the seed uses: what a peer may
 * not do alone, and the confirmation a removal needs.
 */
public final class ConnectionGuards {

    /** The word a peer types to confirm a removal, as in the portal. */
    public static final String CONFIRMATION = "yes";

    static final String CONTACT_OPERATOR =
            "contact Microsoft peering (peeringexperience@microsoft.com); this operation is not available to peers";

    private ConnectionGuards() {}

    /** A removal cannot be undone, so it needs {@value #CONFIRMATION}. */
    public static void requireConfirmation(String connectionIdentifier, String confirm) {
        if (!CONFIRMATION.equals(confirm)) {
            throw ArmException.badRequest(
                    "ConfirmationRequired",
                    "Removing connection '" + connectionIdentifier
                            + "' cannot be undone; confirm it with ?confirm=yes.");
        }
    }

    /** Only the peering operator removes a session; a peer is told whom to contact. */
    public static void requireOperatorForSessionRemoval(boolean operator) {
        if (!operator) {
            throw ArmException.forbidden(
                    "OperatorActionRequired",
                    "Removing an IPv4 or IPv6 session is not supported for peers: " + CONTACT_OPERATOR + ".");
        }
    }

    /** Sessions change only on an Active connection that is not being removed. */
    public static void requireActive(
            String connectionIdentifier, boolean decommissioning, ConnectionState state, String why) {
        if (decommissioning) {
            throw ArmException.conflict(
                    "ConnectionBeingRemoved", "Connection '" + connectionIdentifier + "' is being removed.");
        }
        if (state != ConnectionState.Active) {
            throw ArmException.conflict(
                    "ConnectionNotActive", "Connection '" + connectionIdentifier + "' is " + state + ": " + why + ".");
        }
    }

    /** A session that exists is changed by the operator only. */
    public static ArmException sessionExists(String connectionIdentifier, SessionFamily family) {
        return ArmException.conflict(
                "SessionAlreadyExists",
                "Connection '" + connectionIdentifier + "' already has an " + family + " session; to change it, "
                        + CONTACT_OPERATOR + ".");
    }

    /** A connection being removed keeps its state until it is gone. */
    public static void requireNotBeingRemoved(String connectionIdentifier, boolean decommissioning) {
        if (decommissioning) {
            throw ArmException.conflict(
                    "ConnectionBeingRemoved",
                    "Connection '" + connectionIdentifier + "' is being removed; its state can no longer change.");
        }
    }
}
