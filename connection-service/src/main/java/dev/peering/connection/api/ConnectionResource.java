package dev.peering.connection.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.connection.domain.AddedConnection;
import dev.peering.connection.domain.Connection;
import dev.peering.connection.domain.ConnectionRef;
import dev.peering.connection.domain.OperatorAction;
import dev.peering.connection.domain.SessionFamily;
import dev.peering.connection.service.ConnectionCommands;
import dev.peering.core.PeeringRef;
import dev.peering.platform.api.Correlation;
import dev.peering.platform.api.Page;
import dev.peering.platform.api.PageRequest;
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
    ConnectionCommands commands;

    @Inject
    ObjectMapper json;

    @Context
    ContainerRequestContext request;

    @GET
    @Operation(summary = "Lists the connections of the peering with their states, paged with nextLink")
    public Page<ConnectionBody> list(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @Parameter(description = "continuation token, from nextLink") @QueryParam("$skipToken") String skipToken,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("$top") String top,
            @Context UriInfo uri) {
        PeeringRef peering = ConnectionRequests.peering(subscriptionId, resourceGroup, peeringName);
        PageRequest page = PageRequest.of(skipToken, top);
        return page.page(
                commands.page(peering, page.after(), page.size() + 1),
                Connection::connectionIdentifier,
                ConnectionApiMapper::toApi,
                uri);
    }

    @GET
    @Path("/{connectionIdentifier}")
    @Operation(summary = "Gets a connection with its connectionState and BGP session states")
    public ConnectionBody get(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier) {
        ConnectionRef ref = ConnectionRequests.connection(subscriptionId, resourceGroup, peeringName, identifier);
        return ConnectionApiMapper.toApi(commands.get(ref));
    }

    @PUT
    @Path("/{connectionIdentifier}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Adds a connection to the peering (201; it starts at PendingApproval), or corrects a"
                    + " ProvisioningFailed one (200; provisioning is retried)")
    public Response add(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier,
            ConnectionBody body) {
        ConnectionRef ref = ConnectionRequests.connection(subscriptionId, resourceGroup, peeringName, identifier);
        ConnectionRequests.checkAdd(ref, body);
        AddedConnection added = commands.add(
                ref,
                ConnectionApiMapper.toConfig(body),
                ConnectionApiMapper.md5Given(body.bgpSession()),
                Correlation.of(request));
        return Response.status(added.created() ? 201 : 200)
                .entity(ConnectionApiMapper.toApi(added.connection()))
                .build();
    }

    @PATCH
    @Path("/{connectionIdentifier}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds an IPv4 or IPv6 session to an Active connection: {\"bgpSession\": {...}}")
    public ConnectionBody addSession(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier,
            ConnectionBody body) {
        ConnectionRef ref = ConnectionRequests.connection(subscriptionId, resourceGroup, peeringName, identifier);
        ConnectionRequests.checkAddSession(body);
        return ConnectionApiMapper.toApi(commands.addSession(
                ref,
                ConnectionApiMapper.toConfig(body.bgpSession()),
                ConnectionApiMapper.md5Given(body.bgpSession()),
                Correlation.of(request)));
    }

    @DELETE
    @Path("/{connectionIdentifier}")
    @Operation(summary = "Removes a connection (202, then it disappears); needs ?confirm=yes")
    public Response remove(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier,
            @Parameter(description = "the confirmation word, yes") @QueryParam("confirm") String confirm) {
        ConnectionRef ref = ConnectionRequests.connection(subscriptionId, resourceGroup, peeringName, identifier);
        return commands.remove(ref, confirm, Correlation.of(request))
                .map(c -> Response.status(202)
                        .entity(ConnectionApiMapper.toApi(c))
                        .build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/{connectionIdentifier}/approve")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: approves a PendingApproval connection")
    public ConnectionBody approve(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier) {
        return act(subscriptionId, resourceGroup, peeringName, identifier, OperatorAction.APPROVE, null);
    }

    @POST
    @Path("/{connectionIdentifier}/fail")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operator action: fails provisioning, with the reason the peer will read")
    public ConnectionBody fail(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier,
            OperatorRequest body) {
        String reason = ConnectionRequests.failReason(body);
        return act(subscriptionId, resourceGroup, peeringName, identifier, OperatorAction.FAIL, reason);
    }

    @POST
    @Path("/{connectionIdentifier}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: retries a ProvisioningFailed connection from ProvisioningStarted")
    public ConnectionBody retry(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier) {
        return act(subscriptionId, resourceGroup, peeringName, identifier, OperatorAction.RETRY, null);
    }

    @POST
    @Path("/{connectionIdentifier}/block")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary =
                    "Operator action: an external blocker holds an in-progress connection; body {\"reason\"} optional")
    public ConnectionBody block(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier,
            String body) {
        String reason = ConnectionRequests.blockReason(json, body);
        return act(subscriptionId, resourceGroup, peeringName, identifier, OperatorAction.BLOCK, reason);
    }

    @POST
    @Path("/{connectionIdentifier}/unblock")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: returns a blocked connection to the state it was blocked in")
    public ConnectionBody unblock(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier) {
        return act(subscriptionId, resourceGroup, peeringName, identifier, OperatorAction.UNBLOCK, null);
    }

    @POST
    @Path("/{connectionIdentifier}/activate")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: moves a Validating (or type-changing) connection to Active by hand")
    public ConnectionBody activate(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier) {
        return act(subscriptionId, resourceGroup, peeringName, identifier, OperatorAction.ACTIVATE, null);
    }

    @POST
    @Path("/{connectionIdentifier}/requestTypeChange")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Operator action: starts a type change of an Active connection")
    public ConnectionBody requestTypeChange(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier) {
        return act(subscriptionId, resourceGroup, peeringName, identifier, OperatorAction.REQUEST_TYPE_CHANGE, null);
    }

    @POST
    @Path("/{connectionIdentifier}/removeSession")
    @Operation(
            summary = "Operator action: removes the IPv4 or IPv6 session of an Active connection; a peer is told to"
                    + " contact the peering operator")
    public ConnectionBody removeSession(
            @PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup,
            @PathParam("peeringName") String peeringName,
            @PathParam("connectionIdentifier") String identifier,
            @Parameter(description = "IPv4 or IPv6") @QueryParam("family") String family) {
        ConnectionRef ref = ConnectionRequests.connection(subscriptionId, resourceGroup, peeringName, identifier);
        return ConnectionApiMapper.toApi(commands.removeSession(
                ref, SessionFamily.parse(family), caller.hasRole(Roles.OPERATOR), Correlation.of(request)));
    }

    private ConnectionBody act(
            String subscriptionId,
            String resourceGroup,
            String peeringName,
            String identifier,
            OperatorAction action,
            String reason) {
        ConnectionRef ref = ConnectionRequests.connection(subscriptionId, resourceGroup, peeringName, identifier);
        return ConnectionApiMapper.toApi(commands.act(ref, action, reason, Correlation.of(request)));
    }
}
