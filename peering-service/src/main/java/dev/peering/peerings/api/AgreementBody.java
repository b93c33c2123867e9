package dev.peering.peerings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** The Peering Service agreement of a subscription (an operator-set flag): with it, useForPeeringService may be true. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementBody(String id, String subscriptionId, boolean agreed, OffsetDateTime grantedAt) {}
