package dev.peering.registration.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The ARM {@code PeeringRegisteredPrefix} resource, as sent and as returned. A client sends {@code prefix};
 * the other properties are read-only and ignored on PUT.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredPrefixBody(String id, String name, String type, Properties properties) {

    public static final String TYPE = "Microsoft.Peering/registeredPrefixes";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(
            String prefix,
            String prefixValidationState,
            String peeringServicePrefixKey,
            String errorMessage,
            String provisioningState) {}
}
