package dev.peering.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Data of the Peering Service agreement events on the peering topic ({@link #GRANTED}, {@link #REVOKED}):
 * the operator recorded or withdrew a subscription's agreement. Record key and subject: the agreement's
 * resource id, {@code /subscriptions/{sub}/providers/Microsoft.Peering/peeringServiceAgreement}. With an
 * agreement a connection may have {@code useForPeeringService} true; without one it may not be turned on
 * (connections that have it keep it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementEvent(String subscriptionId, boolean agreed, OffsetDateTime grantedAt) {

    public static final String GRANTED = "dev.peering.peering.agreementGranted";
    public static final String REVOKED = "dev.peering.peering.agreementRevoked";

    /** Whether an event of the peering topic is an agreement event (its data is this record, not a peering's). */
    public static boolean is(String type) {
        return GRANTED.equals(type) || REVOKED.equals(type);
    }

    /** The agreement's resource id: the record key and the subject of its events. */
    public static String resourceId(String subscriptionId) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peeringServiceAgreement";
    }
}
