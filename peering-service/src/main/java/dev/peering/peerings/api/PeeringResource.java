package dev.peering.peerings.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.core.PeeringRef;
import dev.peering.peerings.domain.Peering;
import dev.peering.peerings.service.PeeringService;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.platform.api.ResourceNames;
import dev.peering.platform.security.Roles;
import dev.peering.reference.PeeringLocations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code Microsoft.Peering/peerings} of a resource group: an Exchange peering with the route server. */
@Path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Peerings")
public class PeeringResource {

    @Inject
    PeeringService service;

    @Inject
    PeeringLocations locations;

    @PUT
    @Path("/{peeringName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Creates a peering (201; it waits while its PeerAsn is Pending or not known here yet) or"
                    + " adds connections and changes tags (200)")
    public Response put(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name,
            @Context ContainerRequestContext request,
            PeeringBody body) {
        PeeringRef ref = ref(subscriptionId, resourceGroup, name);
        var spec = PeeringApiMapper.toSpec(subscriptionId, body, locations);
        PeeringService.Saved saved = service.put(ref, spec, Correlation.of(request));
        return Response.status(saved.created() ? 201 : 200)
                .entity(PeeringApiMapper.toApi(saved.peering()))
                .build();
    }

    @GET
    @Path("/{peeringName}")
    @Operation(summary = "Gets a peering with its connections' states (never the MD5 key)")
    public PeeringBody get(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name) {
        return PeeringApiMapper.toApi(service.get(ref(subscriptionId, resourceGroup, name)));
    }

    @GET
    @Operation(summary = "Lists the peerings of the resource group, paged with nextLink")
    public Page<PeeringBody> list(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.pageByResourceGroup(subscriptionId, resourceGroup, page.after(), page.size() + 1),
                (Peering p) -> p.ref().name(),
                PeeringApiMapper::toApi,
                uri);
    }

    @PATCH
    @Path("/{peeringName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Updates the tags of a peering (nothing else changes this way)")
    public PeeringBody patch(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name,
            @Context ContainerRequestContext request,
            JsonNode body) {
        PeeringRef ref = ref(subscriptionId, resourceGroup, name);
        return PeeringApiMapper.toApi(service.updateTags(ref, PeeringApiMapper.toTags(body), Correlation.of(request)));
    }

    @DELETE
    @Path("/{peeringName}")
    @Operation(summary = "Refused for the peer (409 DeprovisionNotAllowed): the peering operator deprovisions")
    public Response delete(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name) {
        service.refuseDelete(ref(subscriptionId, resourceGroup, name));
        return Response.noContent().build();
    }

    @POST
    @Path("/{peeringName}/deprovision")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Operator action: decommissions every connection through connection-service, then removes"
                    + " the peering (202 while Deleting; 200 when it is gone at once)")
    public Response deprovision(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name,
            @Context ContainerRequestContext request) {
        return service.deprovision(ref(subscriptionId, resourceGroup, name), Correlation.of(request))
                .map(p -> Response.accepted(PeeringApiMapper.toApi(p)).build())
                .orElseGet(() -> Response.ok().build());
    }

    /** The path's names, checked. */
    private static PeeringRef ref(String subscriptionId, String resourceGroup, String name) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        ResourceNames.requireName("peeringName", name);
        return new PeeringRef(subscriptionId, resourceGroup, name);
    }
}
