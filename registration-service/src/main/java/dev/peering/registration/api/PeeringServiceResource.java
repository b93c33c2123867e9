package dev.peering.registration.api;

import dev.peering.core.ArmException;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.platform.api.ResourceNames;
import dev.peering.registration.domain.PeeringServiceService;
import dev.peering.registration.domain.PrefixRules;
import dev.peering.registration.domain.RegistrationRules;
import dev.peering.registration.persistence.PeeringServicePrefixEntity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code Microsoft.Peering/peeringServices} and their {@code prefixes}: the customer's side, where a
 * Prefix Key from its service provider verifies the customer's prefixes.
 */
@Path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering"
        + "/peeringServices/{peeringServiceName}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PeeringServices")
public class PeeringServiceResource {

    @Inject
    PeeringServiceService service;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a Peering Service (201) or updates it (200)")
    public Response put(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String name,
            PeeringServiceBody body) {
        requirePath(subscriptionId, resourceGroup, name);
        if (body == null) {
            throw ArmException.invalidField("location", "is required.");
        }
        String location = RegistrationRules.requireText("location", body.location(), true);
        PeeringServiceBody.Properties p = body.properties();
        if (p == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        var spec = new PeeringServiceService.ServiceSpec(
                location,
                RegistrationRules.requireText("properties.peeringServiceLocation", p.peeringServiceLocation(), false),
                RegistrationRules.requireText("properties.peeringServiceProvider", p.peeringServiceProvider(), true));
        PeeringServiceService.SavedService saved = service.putService(subscriptionId, resourceGroup, name, spec);
        return Response.status(saved.created() ? 201 : 200)
                .entity(RegistrationMapper.toApi(saved.peeringService()))
                .build();
    }

    @GET
    @Operation(summary = "Gets a Peering Service")
    public PeeringServiceBody get(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String name) {
        requirePath(subscriptionId, resourceGroup, name);
        return RegistrationMapper.toApi(service.getService(subscriptionId, resourceGroup, name));
    }

    @DELETE
    @Operation(summary = "Deletes a Peering Service and its prefixes (200), or says there was none (204)")
    public Response delete(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String name,
            @Context ContainerRequestContext request) {
        requirePath(subscriptionId, resourceGroup, name);
        boolean deleted = service.deleteService(subscriptionId, resourceGroup, name, Correlation.of(request));
        return Response.status(deleted ? 200 : 204).build();
    }

    @PUT
    @Path("/prefixes/{prefixName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Adds a prefix with its Prefix Key (201) or changes it (200); prefixValidationState is"
                    + " Pending, then Verified or Failed")
    public Response putPrefix(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String peeringServiceName,
            @PathParam("prefixName") String name,
            @Context ContainerRequestContext request,
            PeeringServicePrefixBody body) {
        requirePath(subscriptionId, resourceGroup, peeringServiceName);
        ResourceNames.requireName("prefixName", name);
        if (body == null || body.properties() == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        var spec = new PeeringServiceService.PrefixSpec(
                PrefixRules.parse(body.properties().prefix()).canonical(),
                RegistrationRules.requirePrefixKey(body.properties().peeringServicePrefixKey()));
        PeeringServiceService.SavedPrefix saved = service.putPrefix(
                subscriptionId, resourceGroup, peeringServiceName, name, spec, Correlation.of(request));
        return Response.status(saved.created() ? 201 : 200)
                .entity(RegistrationMapper.toApi(saved.prefix()))
                .build();
    }

    @GET
    @Path("/prefixes/{prefixName}")
    @Operation(summary = "Gets a prefix with its prefixValidationState")
    public PeeringServicePrefixBody getPrefix(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String peeringServiceName,
            @PathParam("prefixName") String name) {
        requirePath(subscriptionId, resourceGroup, peeringServiceName);
        ResourceNames.requireName("prefixName", name);
        return RegistrationMapper.toApi(service.getPrefix(subscriptionId, resourceGroup, peeringServiceName, name));
    }

    @GET
    @Path("/prefixes")
    @Operation(summary = "Lists the prefixes of the Peering Service, paged with nextLink")
    public Page<PeeringServicePrefixBody> listPrefixes(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String peeringServiceName,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        requirePath(subscriptionId, resourceGroup, peeringServiceName);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.pagePrefixes(subscriptionId, resourceGroup, peeringServiceName, page.after(), page.size() + 1),
                (PeeringServicePrefixEntity e) -> e.name,
                RegistrationMapper::toApi,
                uri);
    }

    @DELETE
    @Path("/prefixes/{prefixName}")
    @Operation(summary = "Deletes a prefix (200), or says there was none (204)")
    public Response deletePrefix(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String peeringServiceName,
            @PathParam("prefixName") String name,
            @Context ContainerRequestContext request) {
        requirePath(subscriptionId, resourceGroup, peeringServiceName);
        ResourceNames.requireName("prefixName", name);
        boolean deleted =
                service.deletePrefix(subscriptionId, resourceGroup, peeringServiceName, name, Correlation.of(request));
        return Response.status(deleted ? 200 : 204).build();
    }

    private static void requirePath(String subscriptionId, String resourceGroup, String peeringServiceName) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        ResourceNames.requireName("peeringServiceName", peeringServiceName);
    }
}
