package dev.peering.platform.api;

import dev.peering.core.ArmException;
import dev.peering.platform.deadletter.DeadLetter;
import dev.peering.platform.deadletter.DeadLetters;
import dev.peering.platform.deadletter.Replayed;
import dev.peering.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dead letters of this service's consuming channels, for the peering operator only (ADR 0018): list,
 * show one, replay one or all through the consumer's inbox. Not an ARM operation, so left out of the
 * OpenAPI document; the service's name is in the path so that the gateway routes it to the service that
 * owns the dead-letter topics ({@code /deadLetters/connection-service/peering-events}). Errors are ARM
 * error bodies; a name of another service is a 404.
 */
@Path("/deadLetters/{service}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @GET
    @Operation(hidden = true)
    public Page<DeadLetters.Channel> channels(@PathParam("service") String service) {
        ownService(service);
        return new Page<>(deadLetters.channels(), null);
    }

    @GET
    @Path("/{channel}")
    @Operation(hidden = true)
    public Page<DeadLetter> list(@PathParam("service") String service, @PathParam("channel") String channel) {
        ownService(service);
        return new Page<>(deadLetters.list(channel), null);
    }

    @GET
    @Path("/{channel}/{record}")
    @Operation(hidden = true)
    public DeadLetter show(
            @PathParam("service") String service,
            @PathParam("channel") String channel,
            @PathParam("record") String record) {
        ownService(service);
        return deadLetters.show(channel, record);
    }

    /** Replays the record named by {@code record} ({@code partition-offset}), or every record without it. */
    @POST
    @Path("/{channel}/replay")
    @Operation(hidden = true)
    public Page<Replayed> replay(
            @PathParam("service") String service,
            @PathParam("channel") String channel,
            @QueryParam("record") String record) {
        ownService(service);
        return new Page<>(deadLetters.replay(channel, record), null);
    }

    private void ownService(String service) {
        if (!applicationName.equals(service)) {
            throw new ArmException(
                    404,
                    "ResourceNotFound",
                    "This is " + applicationName + "; it has no dead letters of '" + service + "'.");
        }
    }
}
