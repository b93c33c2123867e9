package dev.peering.registration.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The ARM {@code PeeringRegisteredAsn} resource, as sent and as returned. Read-only properties sent by
 * a client (id, name, type, peeringServicePrefixKey, provisioningState) are ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredAsnBody(String id, String name, String type, Properties properties) {

    public static final String TYPE = "Microsoft.Peering/registeredAsns";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(Long asn, String peeringServicePrefixKey, String provisioningState) {}
}
