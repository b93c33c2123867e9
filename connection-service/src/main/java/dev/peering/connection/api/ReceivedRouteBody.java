package dev.peering.connection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.peering.connection.domain.PeeringRoute;

/** {@code PeeringReceivedRoute} of the ARM API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivedRouteBody(
        String prefix,
        String nextHop,
        String asPath,
        String originAsValidationState,
        String rpkiValidationState,
        String trustAnchor,
        String receivedTimestamp) {

    static ReceivedRouteBody toApi(PeeringRoute r) {
        return new ReceivedRouteBody(
                r.prefix(),
                r.nextHop(),
                r.asPath(),
                r.originAsValidationState(),
                r.rpkiValidationState(),
                r.trustAnchor(),
                r.receivedTimestamp());
    }
}
