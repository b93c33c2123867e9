package dev.peering.connection.api;

import dev.peering.connection.domain.PeeringRoute;
import dev.peering.connection.service.ReceivedRoutes;
import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.reference.net.Cidr;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ReceivedRoutes_ListByPeering: what the route server received from the peering's sessions (ADR 0014). */
@Path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering"
        + "/peerings/{peeringName}/receivedRoutes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class ReceivedRoutesResource {

    @Inject
    ReceivedRoutes routes;

    @GET
    @Operation(
            summary = "Lists the routes the route server received from the peering's BGP sessions, paged with"
                    + " nextLink (bird provisioner only)")
    public Page<ReceivedRouteBody> list(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @Parameter(description = "only this prefix") @QueryParam("prefix") String prefix,
            @Parameter(description = "only this AS path, e.g. \"30000 64500\"") @QueryParam("asPath") String asPath,
            @QueryParam("originAsValidationState") String originAsValidationState,
            @QueryParam("rpkiValidationState") String rpkiValidationState,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        PeeringRef peering = ConnectionRequests.peering(subscriptionId, resourceGroup, peeringName);
        if (prefix != null) {
            try {
                Cidr.parse(prefix);
            } catch (IllegalArgumentException e) {
                throw ArmException.badRequest(
                        "InvalidQueryParameter", "prefix must be an IPv4 or IPv6 prefix such as 20.1.1.0/24.");
            }
        }
        if (asPath != null && !asPath.matches("\\d{1,10}( \\d{1,10})*")) {
            throw ArmException.badRequest(
                    "InvalidQueryParameter",
                    "asPath must be ASNs separated by single spaces, such as \"30000 64500\".");
        }
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                routes.page(
                        peering,
                        new ReceivedRoutes.Filter(prefix, asPath, originAsValidationState, rpkiValidationState),
                        page.after(),
                        page.size() + 1),
                PeeringRoute::key,
                ReceivedRouteBody::toApi,
                uri);
    }
}
