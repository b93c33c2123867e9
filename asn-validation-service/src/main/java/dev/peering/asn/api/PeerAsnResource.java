package dev.peering.asn.api;

import dev.peering.asn.domain.AsnDecision;
import dev.peering.asn.domain.PeerAsn;
import dev.peering.asn.domain.PeerAsnRef;
import dev.peering.asn.service.PeerAsnService;
import dev.peering.core.ArmException;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.platform.api.ResourceNames;
import dev.peering.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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

/** {@code Microsoft.Peering/peerAsns}: associate an ASN with a subscription, and its validation. */
@Path("/subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PeerAsns")
public class PeerAsnResource {

    @Inject
    PeerAsnService service;

    @PUT
    @Path("/{peerAsnName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Associates an ASN with the subscription (201) or updates its name and contacts (200)")
    public Response put(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name,
            @Context ContainerRequestContext request,
            PeerAsnResourceBody body) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireName("peerAsnName", name);
        if (body == null || body.properties() == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        PeerAsnService.Saved saved = service.put(
                new PeerAsnRef(subscriptionId, name),
                PeerAsnApiMapper.toSpec(body.properties()),
                Correlation.of(request));
        return Response.status(saved.created() ? 201 : 200)
                .entity(PeerAsnApiMapper.toApi(saved.peerAsn()))
                .build();
    }

    @GET
    @Path("/{peerAsnName}")
    @Operation(summary = "Gets a PeerAsn with its validationState")
    public PeerAsnResourceBody get(
            @PathParam("subscriptionId") String subscriptionId, @PathParam("peerAsnName") String name) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireName("peerAsnName", name);
        return PeerAsnApiMapper.toApi(service.get(new PeerAsnRef(subscriptionId, name)));
    }

    @GET
    @Operation(summary = "Lists the PeerAsns of the subscription, paged with nextLink")
    public Page<PeerAsnResourceBody> list(
            @PathParam("subscriptionId") String subscriptionId,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        ResourceNames.requireSubscription(subscriptionId);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.page(subscriptionId, page.after(), page.size() + 1),
                PeerAsn::name,
                PeerAsnApiMapper::toApi,
                uri);
    }

    @DELETE
    @Path("/{peerAsnName}")
    @Operation(summary = "Removes the association (200), or says there was none (204)")
    public Response delete(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name,
            @Context ContainerRequestContext request) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireName("peerAsnName", name);
        boolean deleted = service.delete(new PeerAsnRef(subscriptionId, name), Correlation.of(request));
        return Response.status(deleted ? 200 : 204).build();
    }

    @POST
    @Path("/{peerAsnName}/approve")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: approves a Pending PeerAsn now")
    public PeerAsnResourceBody approve(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name,
            @Context ContainerRequestContext request) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireName("peerAsnName", name);
        return PeerAsnApiMapper.toApi(service.decideNow(
                new PeerAsnRef(subscriptionId, name), AsnDecision.operatorApproved(), Correlation.of(request)));
    }

    @POST
    @Path("/{peerAsnName}/reject")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator action: fails a Pending PeerAsn now, with the reason the peer will read")
    public PeerAsnResourceBody reject(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name,
            @Context ContainerRequestContext request,
            OperatorDecision decision) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireName("peerAsnName", name);
        if (decision == null || decision.reason() == null || decision.reason().isBlank()) {
            throw ArmException.invalidField("reason", "is required: tell the peer why the ASN is rejected.");
        }
        if (decision.reason().length() > 300) {
            throw ArmException.invalidField("reason", "may hold at most 300 characters.");
        }
        return PeerAsnApiMapper.toApi(service.decideNow(
                new PeerAsnRef(subscriptionId, name),
                AsnDecision.operatorRejected(decision.reason()),
                Correlation.of(request)));
    }
}
