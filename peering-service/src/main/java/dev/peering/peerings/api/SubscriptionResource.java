package dev.peering.peerings.api;

import dev.peering.core.ArmException;
import dev.peering.peerings.domain.Peering;
import dev.peering.peerings.domain.PeeringRules;
import dev.peering.peerings.service.PeeringService;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.platform.api.ResourceNames;
import dev.peering.platform.security.Roles;
import dev.peering.reference.PeeringLocations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscription-wide: the list of peerings, the peering locations, the Peering Service agreement. */
@Path("/subscriptions/{subscriptionId}/providers/Microsoft.Peering")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Peerings")
public class SubscriptionResource {

    // ARM's DirectPeeringType values: known ones other than IxRs list no location here, others are a 400.
    private static final Set<String> DIRECT_PEERING_TYPES =
            Set.of("Edge", "Transit", "Cdn", "Internal", "Ix", "IxRs", "Voice", "EdgeZoneForOperators", "PeerProp");

    @Inject
    PeeringService service;

    @Inject
    PeeringLocations locations;

    @GET
    @Path("/peerings")
    @Operation(summary = "Lists the peerings of the subscription, paged with nextLink")
    public Page<PeeringBody> list(
            @PathParam("subscriptionId") String subscriptionId,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        ResourceNames.requireSubscription(subscriptionId);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.pageBySubscription(subscriptionId, page.after(), page.size() + 1),
                Peering::resourceId,
                PeeringApiMapper::toApi,
                uri);
    }

    @GET
    @Path("/peeringLocations")
    @Operation(
            summary = "Lists the metros with route-server facilities (kind=Direct&directPeeringType=IxRs), or"
                    + " their exchange LANs (kind=Exchange)")
    public Page<PeeringLocationBody> peeringLocations(
            @PathParam("subscriptionId") String subscriptionId,
            @QueryParam("kind") String kind,
            @QueryParam("directPeeringType") String directPeeringType) {
        ResourceNames.requireSubscription(subscriptionId);
        if (PeeringRules.KIND_EXCHANGE.equals(kind)) {
            // ARM lists Exchange locations without a directPeeringType; the same metros, their exchange LANs
            return new Page<>(
                    locations.all().stream()
                            .map(l -> PeeringApiMapper.toExchangeApi(subscriptionId, l))
                            .toList(),
                    null);
        }
        if (!PeeringRules.KIND.equals(kind)) {
            throw ArmException.badRequest(
                    "InvalidQueryParameter",
                    "kind must be 'Direct' or 'Exchange' (was " + (kind == null ? "missing" : "'" + kind + "'")
                            + "); the route server's metros are kind=Direct&directPeeringType=IxRs.");
        }
        if (directPeeringType != null && !DIRECT_PEERING_TYPES.contains(directPeeringType)) {
            throw ArmException.badRequest(
                    "InvalidQueryParameter",
                    "directPeeringType must be one of "
                            + DIRECT_PEERING_TYPES.stream().sorted().toList() + "; use IxRs for the route server.");
        }
        List<PeeringLocationBody> value =
                directPeeringType == null || PeeringRules.DIRECT_PEERING_TYPE.equals(directPeeringType)
                        ? locations.all().stream()
                                .map(l -> PeeringApiMapper.toApi(subscriptionId, l))
                                .toList()
                        : List.of();
        return new Page<>(value, null);
    }

    @GET
    @Path("/peeringServiceAgreement")
    @Operation(summary = "Whether the subscription has a Peering Service agreement")
    public AgreementBody agreement(@PathParam("subscriptionId") String subscriptionId) {
        ResourceNames.requireSubscription(subscriptionId);
        return PeeringApiMapper.toApi(service.agreement(subscriptionId));
    }

    @PUT
    @Path("/peeringServiceAgreement")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: records the subscription's Peering Service agreement")
    public AgreementBody grant(
            @PathParam("subscriptionId") String subscriptionId, @Context ContainerRequestContext request) {
        ResourceNames.requireSubscription(subscriptionId);
        return PeeringApiMapper.toApi(service.grantAgreement(subscriptionId, Correlation.of(request)));
    }

    @DELETE
    @Path("/peeringServiceAgreement")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Operator action: withdraws the agreement (existing connections keep their setting;"
                    + " new ones cannot use Peering Service)")
    public Response revoke(
            @PathParam("subscriptionId") String subscriptionId, @Context ContainerRequestContext request) {
        ResourceNames.requireSubscription(subscriptionId);
        return Response.status(service.revokeAgreement(subscriptionId, Correlation.of(request)) ? 200 : 204)
                .build();
    }
}
