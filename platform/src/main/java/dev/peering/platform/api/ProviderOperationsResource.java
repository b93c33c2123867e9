package dev.peering.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code Operations_List}: served by every service from this one class, as the ARM provider answers it
 * (a bearer token is needed, no subscription is named).
 */
@Path("/providers/Microsoft.Peering/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class ProviderOperationsResource {

    @GET
    @Operation(summary = "Lists the operations of the Microsoft.Peering provider that this control plane serves")
    public Page<ProviderOperations.Operation> list() {
        return new Page<>(ProviderOperations.all(), null);
    }
}
