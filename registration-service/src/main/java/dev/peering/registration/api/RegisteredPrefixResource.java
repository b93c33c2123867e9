package dev.peering.registration.api;

import dev.peering.core.PeeringRef;
import dev.peering.platform.api.ChildResources;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.registration.domain.RegisteredPrefix;
import dev.peering.registration.domain.Saved;
import dev.peering.registration.service.RegisteredPrefixService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * {@code Microsoft.Peering/peerings/registeredPrefixes}: the provider registers its customers' prefixes
 * under a peering; each is validated and, once usable, has a Prefix Key for the customer's Peering Service.
 * The key is served only under the provider's own subscription path.
 */
@Path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering"
        + "/peerings/{peeringName}/registeredPrefixes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RegisteredPrefixes")
public class RegisteredPrefixResource {

    @Inject
    RegisteredPrefixService service;

    @PUT
    @Path("/{registeredPrefixName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Registers a customer prefix under the peering (201, Pending until validated), or returns it as"
                    + " it is (200)")
    public Response put(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("registeredPrefixName") String name,
            @Context ContainerRequestContext request,
            RegisteredPrefixBody body) {
        PeeringRef peering =
                ChildResources.peering(subscriptionId, resourceGroup, peeringName, "registeredPrefixName", name);
        String prefix = RegistrationApiMapper.toPrefix(body);
        Saved<RegisteredPrefix> saved = service.put(peering, name, prefix, Correlation.of(request));
        return ChildResources.put(saved.created(), RegistrationApiMapper.toBody(saved.resource()));
    }

    @GET
    @Path("/{registeredPrefixName}")
    @Operation(summary = "Gets a registered prefix with its prefixValidationState and, once usable, its Prefix Key")
    public RegisteredPrefixBody get(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("registeredPrefixName") String name) {
        PeeringRef peering =
                ChildResources.peering(subscriptionId, resourceGroup, peeringName, "registeredPrefixName", name);
        return RegistrationApiMapper.toBody(service.get(peering, name));
    }

    @GET
    @Operation(summary = "Lists the registered prefixes of the peering, paged with nextLink")
    public Page<RegisteredPrefixBody> list(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        PeeringRef peering = ChildResources.peering(subscriptionId, resourceGroup, peeringName);
        return ChildResources.list(
                skipToken,
                top,
                uri,
                (after, limit) -> service.page(peering, after, limit),
                RegisteredPrefix::name,
                RegistrationApiMapper::toBody);
    }

    @POST
    @Path("/{registeredPrefixName}/validate")
    @Operation(summary = "Validates the registered prefix again: 200, Pending until the validation is decided")
    public RegisteredPrefixBody validate(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("registeredPrefixName") String name,
            @Context ContainerRequestContext request) {
        PeeringRef peering =
                ChildResources.peering(subscriptionId, resourceGroup, peeringName, "registeredPrefixName", name);
        return RegistrationApiMapper.toBody(service.validate(peering, name, Correlation.of(request)));
    }

    @DELETE
    @Path("/{registeredPrefixName}")
    @Operation(summary = "Removes the registered prefix and revokes its Prefix Key (200), or says there was none (204)")
    public Response delete(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("registeredPrefixName") String name,
            @Context ContainerRequestContext request) {
        PeeringRef peering =
                ChildResources.peering(subscriptionId, resourceGroup, peeringName, "registeredPrefixName", name);
        boolean deleted = service.delete(peering, name, Correlation.of(request));
        return ChildResources.delete(deleted);
    }
}
