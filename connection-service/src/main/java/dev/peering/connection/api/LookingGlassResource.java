package dev.peering.connection.api;

import dev.peering.connection.service.LookingGlass;
import dev.peering.core.ArmException;
import dev.peering.platform.api.ResourceNames;
import dev.peering.platform.security.Roles;
import dev.peering.reference.net.Cidr;
import dev.peering.routeserver.bird.BirdLookingGlass;
import dev.peering.routeserver.domain.LookingGlassCommand;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LookingGlass_Invoke: Ping, Traceroute or BgpRoute from the exchange's route server (ADR 0014). Every
 * parameter is checked here; the destination reaches the router only as a parsed address, never as text.
 */
@Path("/subscriptions/{subscriptionId}/providers/Microsoft.Peering/lookingGlass")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "LookingGlass")
public class LookingGlassResource {

    @Inject
    SecurityIdentity caller;

    @Inject
    LookingGlass glass;

    @POST
    @Operation(
            summary = "Runs ping, traceroute or a BGP route query from the route server towards one of your"
                    + " sessions' addresses or prefixes (bird provisioner only)")
    public LookingGlassBody invoke(
            @PathParam("subscriptionId") String subscriptionId,
            @Parameter(description = "Ping, Traceroute or BgpRoute") @QueryParam("command") String command,
            @Parameter(description = "EdgeSite: the route server") @QueryParam("sourceType") String sourceType,
            @Parameter(description = "the route server's peering location, e.g. Seattle") @QueryParam("sourceLocation")
                    String sourceLocation,
            @Parameter(description = "an IPv4 or IPv6 address") @QueryParam("destinationIP") String destinationIP) {
        ResourceNames.requireSubscription(subscriptionId);
        LookingGlassCommand parsed = LookingGlassCommand.parse(required("command", command))
                .orElseThrow(() -> invalid("command must be Ping, Traceroute or BgpRoute."));
        String type = required("sourceType", sourceType);
        if (!type.equalsIgnoreCase(LookingGlass.EDGE_SITE) && !type.equalsIgnoreCase("AzureRegion")) {
            throw invalid("sourceType must be EdgeSite or AzureRegion.");
        }
        String location = required("sourceLocation", sourceLocation);
        if (location.length() > 80) {
            throw invalid("sourceLocation may hold at most 80 characters.");
        }
        Cidr.Address destination;
        try {
            destination = Cidr.parseAddress(required("destinationIP", destinationIP));
        } catch (IllegalArgumentException e) {
            throw invalid("destinationIP must be one IPv4 or IPv6 address, such as 206.81.81.10.");
        }
        BirdLookingGlass.refusal(destination).ifPresent(why -> {
            throw invalid("destinationIP: " + why);
        });
        String output =
                glass.invoke(subscriptionId, caller.hasRole(Roles.OPERATOR), parsed, type, location, destination);
        return new LookingGlassBody(parsed.name(), output);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required.");
        }
        return value;
    }

    private static ArmException invalid(String message) {
        return ArmException.badRequest("InvalidQueryParameter", message);
    }
}
