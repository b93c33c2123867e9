package dev.peering.core;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code microsoftTrackingId} of a connection: the id the provisioning side tracks it by. It is
 * derived from the connection's resource id (a name-based UUID), so connection-service, which provisions
 * the connection, and peering-service, which shows it in the peering, give the same id without an event
 * carrying it. A connection removed and added again under the same identifier gets the same id.
 */
public final class MicrosoftTrackingIds {

    private MicrosoftTrackingIds() {}

    /** The tracking id of the connection {@code .../peerings/{name}/connections/{connectionIdentifier}}. */
    public static String of(String connectionResourceId) {
        return "MSFT-" + UUID.nameUUIDFromBytes(connectionResourceId.getBytes(StandardCharsets.UTF_8));
    }
}
