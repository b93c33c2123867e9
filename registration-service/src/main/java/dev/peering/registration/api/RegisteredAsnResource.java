package dev.peering.registration.api;

import dev.peering.core.PeeringRef;
import dev.peering.platform.api.ChildResources;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.registration.domain.RegisteredAsn;
import dev.peering.registration.domain.Saved;
import dev.peering.registration.service.RegisteredAsnService;
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
 * {@code Microsoft.Peering/peerings/registeredAsns}: the exchange provider registers its customers' ASNs
 * under a peering and reads each one's Prefix Key. The key is served only under the provider's own
 * subscription path, so only that subscription reads it.
 */
@Path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering"
        + "/peerings/{peeringName}/registeredAsns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RegisteredAsns")
public class RegisteredAsnResource {

    @Inject
    RegisteredAsnService service;

    @PUT
    @Path("/{registeredAsnName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Registers a customer ASN under the peering and issues its Prefix Key (201), or returns the"
                    + " registration as it is (200)")
    public Response put(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("registeredAsnName") String name,
            @Context ContainerRequestContext request,
            RegisteredAsnBody body) {
        PeeringRef peering =
                ChildResources.peering(subscriptionId, resourceGroup, peeringName, "registeredAsnName", name);
        long asn = RegistrationApiMapper.toAsn(body);
        Saved<RegisteredAsn> saved = service.put(peering, name, asn, Correlation.of(request));
        return ChildResources.put(saved.created(), RegistrationApiMapper.toBody(saved.resource()));
    }

    @GET
    @Path("/{registeredAsnName}")
    @Operation(summary = "Gets a registered ASN with its Prefix Key")
    public RegisteredAsnBody get(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("registeredAsnName") String name) {
        PeeringRef peering =
                ChildResources.peering(subscriptionId, resourceGroup, peeringName, "registeredAsnName", name);
        return RegistrationApiMapper.toBody(service.get(peering, name));
    }

    @GET
    @Operation(summary = "Lists the registered ASNs of the peering, paged with nextLink")
    public Page<RegisteredAsnBody> list(
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
                RegisteredAsn::name,
                RegistrationApiMapper::toBody);
    }

    @DELETE
    @Path("/{registeredAsnName}")
    @Operation(summary = "Removes the registered ASN and revokes its Prefix Key (200), or says there was none (204)")
    public Response delete(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("registeredAsnName") String name,
            @Context ContainerRequestContext request) {
        PeeringRef peering =
                ChildResources.peering(subscriptionId, resourceGroup, peeringName, "registeredAsnName", name);
        boolean deleted = service.delete(peering, name, Correlation.of(request));
        return ChildResources.delete(deleted);
    }
}
