package dev.peering.peerings.domain;

import java.time.OffsetDateTime;

/** The Peering Service agreement of a subscription; {@code grantedAt} null when there is none. */
public record Agreement(String subscriptionId, OffsetDateTime grantedAt) {

    public boolean agreed() {
        return grantedAt != null;
    }
}
