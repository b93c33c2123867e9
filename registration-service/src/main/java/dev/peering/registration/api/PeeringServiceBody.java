package dev.peering.registration.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The ARM {@code PeeringService} resource, as much of it as holds prefixes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeeringServiceBody(String id, String name, String type, String location, Properties properties) {

    public static final String TYPE = "Microsoft.Peering/peeringServices";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(String peeringServiceLocation, String peeringServiceProvider, String provisioningState) {}
}
