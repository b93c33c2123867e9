package dev.peering.registration.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The ARM {@code PeeringService} resource, as sent and as returned (no Log Analytics workspace). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeeringServiceBody(
        String id,
        String name,
        String type,
        Sku sku,
        String location,
        Map<String, String> tags,
        Properties properties) {

    public static final String TYPE = "Microsoft.Peering/peeringServices";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sku(String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(
            String peeringServiceLocation,
            String peeringServiceProvider,
            String provisioningState,
            String providerPrimaryPeeringLocation,
            String providerBackupPeeringLocation) {}
}
