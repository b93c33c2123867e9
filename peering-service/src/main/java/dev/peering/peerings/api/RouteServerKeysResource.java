package dev.peering.peerings.api;

import dev.peering.peerings.service.Md5KeyLookup;
import dev.peering.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The internal pull API of the route server's MD5 keys (ADR 0014): not an ARM operation, not routed by
 * the gateway, answered only to a token with the {@code route-server} role (connection-service's bird
 * adapter). The key never travels on Kafka. Left out of the OpenAPI document, which describes the ARM API
 * that clients and the gateway's Swagger UI use (every operation there takes {@code api-version}).
 */
@Path("/internal/route-server/md5-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class RouteServerKeysResource {

    @Inject
    Md5KeyLookup keys;

    @GET
    @RolesAllowed(Roles.ROUTE_SERVER)
    @Operation(summary = "The MD5 key of a connection's BGP session, for the route server only", hidden = true)
    public Map<String, String> key(@QueryParam("connectionId") String connectionId) {
        return Map.of("md5AuthenticationKey", keys.keyOf(connectionId));
    }
}
