package dev.peering.connection.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.connection.domain.ConnectionService;
import dev.peering.connection.domain.OperatorAction;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.core.ArmException;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
import dev.peering.platform.api.ResourceNames;
import dev.peering.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The connections of a peering, as a sub-resource, and the operator's actions on each. */
@Path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering"
        + "/peerings/{peeringName}/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class ConnectionResource {

    @Inject
    SecurityIdentity caller;

    @Inject
    ConnectionService service;

    @Inject
    ObjectMapper json;

    @PathParam("subscriptionId")
    String subscriptionId;

    @PathParam("resourceGroupName")
    String resourceGroup;

    @PathParam("peeringName")
    String peeringName;

    @Context
    ContainerRequestContext request;

    @GET
    @Operation(summary = "Lists the connections of the peering with their states, paged with nextLink")
    public Page<ConnectionBody> list(
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        checkPath();
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                service.page(subscriptionId, resourceGroup, peeringName, page.after(), page.size() + 1),
                (ConnectionEntity e) -> e.connectionIdentifier,
                ConnectionMapper::toApi,
                uri);
    }

    @GET
    @Path("/{connectionIdentifier}")
    @Operation(summary = "Gets a connection with its connectionState and BGP session states")
    public ConnectionBody get(@PathParam("connectionIdentifier") String identifier) {
        checkPath(identifier);
        return ConnectionMapper.toApi(service.get(subscriptionId, resourceGroup, peeringName, identifier));
    }

    @PUT
    @Path("/{connectionIdentifier}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Adds a connection to the peering (201; it starts at PendingApproval), or corrects a"
                    + " ProvisioningFailed one (200; provisioning is retried)")
    public Response add(@PathParam("connectionIdentifier") String identifier, ConnectionBody body) {
        checkPath(identifier);
        if (body == null) {
            throw ArmException.invalidField("connection", "is required: the DirectConnection to add.");
        }
        if (body.connectionIdentifier() != null && !body.connectionIdentifier().equals(identifier)) {
            throw ArmException.invalidField(
                    "connectionIdentifier",
                    "'" + body.connectionIdentifier() + "' differs from the path's '" + identifier
                            + "'; leave it out or make them equal.");
        }
        ConnectionEntity e = service.add(
                subscriptionId,
                resourceGroup,
                peeringName,
                identifier,
                ConnectionMapper.toConfig(body),
                md5Given(body.bgpSession()),
                Correlation.of(request));
        return Response.status(ConnectionService.isNew(e) ? 201 : 200)
                .entity(ConnectionMapper.toApi(e))
                .build();
    }

    @PATCH
    @Path("/{connectionIdentifier}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds an IPv4 or IPv6 session to an Active connection: {\"bgpSession\": {...}}")
    public ConnectionBody addSession(@PathParam("connectionIdentifier") String identifier, ConnectionBody body) {
        checkPath(identifier);
        if (body == null || body.bgpSession() == null) {
            throw ArmException.invalidField("bgpSession", "is required: the IPv4 or IPv6 session to add.");
        }
        if (body.bandwidthInMbps() != null
                || body.peeringDBFacilityId() != null
                || body.sessionAddressProvider() != null
                || body.useForPeeringService() != null) {
            throw ArmException.badRequest(
                    "InvalidRequestContent",
                    "Only bgpSession can be changed on a connection; to change the rest, remove the connection and"
                            + " add a new one.");
        }
        return ConnectionMapper.toApi(service.addSession(
                subscriptionId,
                resourceGroup,
                peeringName,
                identifier,
                ConnectionMapper.toConfig(body.bgpSession()),
                md5Given(body.bgpSession()),
                Correlation.of(request)));
    }

    @DELETE
    @Path("/{connectionIdentifier}")
    @Operation(summary = "Removes a connection (202, then it disappears); needs ?confirm=yes")
    public Response remove(
            @PathParam("connectionIdentifier") String identifier,
            @Parameter(description = "the confirmation word, yes") @QueryParam("confirm") String confirm) {
        checkPath(identifier);
        Optional<ConnectionEntity> removing = service.remove(
                subscriptionId, resourceGroup, peeringName, identifier, confirm, Correlation.of(request));
        return removing.map(e ->
                        Response.status(202).entity(ConnectionMapper.toApi(e)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/{connectionIdentifier}/approve")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: approves a PendingApproval connection")
    public ConnectionBody approve(@PathParam("connectionIdentifier") String identifier) {
        return act(identifier, OperatorAction.APPROVE, null);
    }

    @POST
    @Path("/{connectionIdentifier}/fail")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator action: fails provisioning, with the reason the peer will read")
    public ConnectionBody fail(@PathParam("connectionIdentifier") String identifier, OperatorRequest body) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw ArmException.invalidField("reason", "is required: tell the peer what to fix.");
        }
        return act(identifier, OperatorAction.FAIL, checkReason(reason));
    }

    @POST
    @Path("/{connectionIdentifier}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: retries a ProvisioningFailed connection from ProvisioningStarted")
    public ConnectionBody retry(@PathParam("connectionIdentifier") String identifier) {
        return act(identifier, OperatorAction.RETRY, null);
    }

    @POST
    @Path("/{connectionIdentifier}/block")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary =
                    "Operator action: an external blocker holds an in-progress connection; body {\"reason\"} optional")
    public ConnectionBody block(@PathParam("connectionIdentifier") String identifier, String body) {
        // The body is optional, so it is read here: a POST without one (and without a content type) is a block too.
        OperatorRequest request = null;
        if (body != null && !body.isBlank()) {
            try {
                request = json.readValue(body, OperatorRequest.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw ArmException.badRequest(
                        "InvalidRequestContent", "The body of block is {\"reason\": \"...\"} or nothing.");
            }
        }
        String reason =
                request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason();
        return act(identifier, OperatorAction.BLOCK, reason == null ? null : checkReason(reason));
    }

    @POST
    @Path("/{connectionIdentifier}/unblock")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: returns a blocked connection to the state it was blocked in")
    public ConnectionBody unblock(@PathParam("connectionIdentifier") String identifier) {
        return act(identifier, OperatorAction.UNBLOCK, null);
    }

    @POST
    @Path("/{connectionIdentifier}/activate")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: moves a Validating (or type-changing) connection to Active by hand")
    public ConnectionBody activate(@PathParam("connectionIdentifier") String identifier) {
        return act(identifier, OperatorAction.ACTIVATE, null);
    }

    @POST
    @Path("/{connectionIdentifier}/requestTypeChange")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: starts a type change of an Active connection")
    public ConnectionBody requestTypeChange(@PathParam("connectionIdentifier") String identifier) {
        return act(identifier, OperatorAction.REQUEST_TYPE_CHANGE, null);
    }

    @POST
    @Path("/{connectionIdentifier}/removeSession")
    @Operation(
            summary = "Operator action: removes the IPv4 or IPv6 session of an Active connection; a peer is told to"
                    + " contact the peering operator")
    public ConnectionBody removeSession(
            @PathParam("connectionIdentifier") String identifier,
            @Parameter(description = "IPv4 or IPv6") @QueryParam("family") String family) {
        checkPath(identifier);
        return ConnectionMapper.toApi(service.removeSession(
                subscriptionId,
                resourceGroup,
                peeringName,
                identifier,
                ConnectionService.Family.parse(family),
                caller.hasRole(Roles.OPERATOR),
                Correlation.of(request)));
    }

    private ConnectionBody act(String identifier, OperatorAction action, String reason) {
        checkPath(identifier);
        return ConnectionMapper.toApi(service.act(
                subscriptionId, resourceGroup, peeringName, identifier, action, reason, Correlation.of(request)));
    }

    private void checkPath(String identifier) {
        checkPath();
        ResourceNames.requireName("connectionIdentifier", identifier);
    }

    private void checkPath() {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        ResourceNames.requireName("peeringName", peeringName);
    }

    private static String checkReason(String reason) {
        if (reason.length() > 300) {
            throw ArmException.invalidField("reason", "may hold at most 300 characters.");
        }
        return reason;
    }

    private static boolean md5Given(ConnectionBody.BgpSession session) {
        return session != null
                && session.md5AuthenticationKey() != null
                && !session.md5AuthenticationKey().isEmpty();
    }
}
