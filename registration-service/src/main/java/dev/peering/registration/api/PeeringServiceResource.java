package dev.peering.registration.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.core.ArmException;
import dev.peering.core.Tags;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.platform.api.ResourceNames;
import dev.peering.platform.api.TagsPatch;
import dev.peering.registration.domain.PeeringService;
import dev.peering.registration.domain.PeeringServicePrefix;
import dev.peering.registration.domain.PeeringServiceRef;
import dev.peering.registration.domain.Saved;
import dev.peering.registration.service.PeeringServicePrefixes;
import dev.peering.registration.service.PeeringServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
    PeeringServices services;

    @Inject
    PeeringServicePrefixes service;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a Peering Service (201) or updates it (200)")
    public Response put(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String name,
            PeeringServiceBody body) {
        PeeringServiceRef ref = peeringService(subscriptionId, resourceGroup, name);
        Saved<PeeringService> saved = services.putService(ref, RegistrationApiMapper.toSpec(body));
        return Response.status(saved.created() ? 201 : 200)
                .entity(RegistrationApiMapper.toBody(saved.resource()))
                .build();
    }

    @GET
    @Operation(summary = "Gets a Peering Service")
    public PeeringServiceBody get(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String name) {
        return RegistrationApiMapper.toBody(services.getService(peeringService(subscriptionId, resourceGroup, name)));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Updates the Peering Service's tags (and nothing else)")
    public PeeringServiceBody update(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String name,
            JsonNode body) {
        PeeringServiceRef ref = peeringService(subscriptionId, resourceGroup, name);
        Tags tags = Tags.of(TagsPatch.parse(body, "a Peering Service"));
        return RegistrationApiMapper.toBody(services.updateTags(ref, tags));
    }

    @DELETE
    @Operation(summary = "Deletes a Peering Service and its prefixes (200), or says there was none (204)")
    public Response delete(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String name,
            @Context ContainerRequestContext request) {
        PeeringServiceRef ref = peeringService(subscriptionId, resourceGroup, name);
        boolean deleted = services.deleteService(ref, Correlation.of(request));
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
        PeeringServiceRef ref = peeringService(subscriptionId, resourceGroup, peeringServiceName);
        ResourceNames.requireName("prefixName", name);
        Saved<PeeringServicePrefix> saved =
                service.putPrefix(ref, name, RegistrationApiMapper.toSpec(body), Correlation.of(request));
        return Response.status(saved.created() ? 201 : 200)
                .entity(RegistrationApiMapper.toBody(saved.resource()))
                .build();
    }

    @GET
    @Path("/prefixes/{prefixName}")
    @Operation(summary = "Gets a prefix with its prefixValidationState")
    public PeeringServicePrefixBody getPrefix(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringServiceName") String peeringServiceName,
            @PathParam("prefixName") String name,
            @Parameter(description = "'events' adds the prefix's history") @QueryParam("$expand") String expand) {
        PeeringServiceRef ref = peeringService(subscriptionId, resourceGroup, peeringServiceName);
        ResourceNames.requireName("prefixName", name);
        return RegistrationApiMapper.toBody(service.getPrefix(ref, name, expandsEvents(expand)));
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
            @Parameter(description = "'events' adds each prefix's history") @QueryParam("$expand") String expand,
            @Context UriInfo uri) {
        PeeringServiceRef ref = peeringService(subscriptionId, resourceGroup, peeringServiceName);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.pagePrefixes(ref, page.after(), page.size() + 1, expandsEvents(expand)),
                PeeringServicePrefix::name,
                RegistrationApiMapper::toBody,
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
        PeeringServiceRef ref = peeringService(subscriptionId, resourceGroup, peeringServiceName);
        ResourceNames.requireName("prefixName", name);
        boolean deleted = service.deletePrefix(ref, name, Correlation.of(request));
        return Response.status(deleted ? 200 : 204).build();
    }

    // ARM's $expand for prefixes: 'events' or nothing
    private static boolean expandsEvents(String expand) {
        if (expand == null || expand.isEmpty()) {
            return false;
        }
        if (!"events".equalsIgnoreCase(expand)) {
            throw ArmException.badRequest(
                    "InvalidQueryParameter", "$expand may only be 'events' (the prefix's history).");
        }
        return true;
    }

    private static PeeringServiceRef peeringService(
            String subscriptionId, String resourceGroup, String peeringServiceName) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        ResourceNames.requireName("peeringServiceName", peeringServiceName);
        return new PeeringServiceRef(subscriptionId, resourceGroup, peeringServiceName);
    }
}
