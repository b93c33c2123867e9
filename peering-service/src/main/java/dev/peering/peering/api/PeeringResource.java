package dev.peering.peering.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.core.ArmException;
import dev.peering.peering.domain.PeeringRules;
import dev.peering.peering.domain.PeeringService;
import dev.peering.peering.persistence.PeeringEntity;
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
import java.util.Iterator;
import java.util.Map;
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

    @Inject
    ObjectMapper json;

    @PUT
    @Path("/{peeringName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Creates a peering (201; it waits while its PeerAsn is Pending) or adds connections and"
                    + " changes tags (200)")
    public Response put(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name,
            @Context ContainerRequestContext request,
            PeeringBody body) {
        requirePath(subscriptionId, resourceGroup, name);
        var spec = PeeringMapper.toSpec(subscriptionId, body, locations);
        PeeringService.Saved saved = service.put(subscriptionId, resourceGroup, name, spec, Correlation.of(request));
        return Response.status(saved.created() ? 201 : 200)
                .entity(PeeringMapper.toApi(saved.peering()))
                .build();
    }

    @GET
    @Path("/{peeringName}")
    @Operation(summary = "Gets a peering with its connections' states (never the MD5 key)")
    public PeeringBody get(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name) {
        requirePath(subscriptionId, resourceGroup, name);
        return PeeringMapper.toApi(service.get(subscriptionId, resourceGroup, name));
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
                (PeeringEntity e) -> e.name,
                PeeringMapper::toApi,
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
        requirePath(subscriptionId, resourceGroup, name);
        Map<String, String> tags = PeeringRules.requireTags(tagsOnly(body));
        return PeeringMapper.toApi(
                service.updateTags(subscriptionId, resourceGroup, name, tags, Correlation.of(request)));
    }

    @DELETE
    @Path("/{peeringName}")
    @Operation(summary = "Refused for the peer (409 DeprovisionNotAllowed): the peering operator deprovisions")
    public Response delete(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String name) {
        requirePath(subscriptionId, resourceGroup, name);
        service.refuseDelete(subscriptionId, resourceGroup, name);
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
        requirePath(subscriptionId, resourceGroup, name);
        return service.deprovision(subscriptionId, resourceGroup, name, Correlation.of(request))
                .map(e -> Response.accepted(PeeringMapper.toApi(e)).build())
                .orElseGet(() -> Response.ok().build());
    }

    private Map<String, String> tagsOnly(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ArmException.invalidField("body", "must be an object such as {\"tags\":{\"team\":\"noc\"}}.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("tags")) {
                throw ArmException.invalidField(
                        field, "cannot change with PATCH: a PATCH on a peering updates its tags only.");
            }
        }
        JsonNode tags = body.get("tags");
        if (tags == null || tags.isNull()) {
            return Map.of();
        }
        if (!tags.isObject()) {
            throw ArmException.invalidField("tags", "must be an object of names to string values.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            var tag = it.next();
            if (!tag.getValue().isTextual()) {
                throw ArmException.invalidField("tags." + tag.getKey(), "must be a string.");
            }
        }
        return json.convertValue(tags, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    }

    private static void requirePath(String subscriptionId, String resourceGroup, String name) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        ResourceNames.requireName("peeringName", name);
    }
}
