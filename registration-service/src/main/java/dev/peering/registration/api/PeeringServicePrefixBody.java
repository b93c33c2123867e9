package dev.peering.registration.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The ARM {@code PeeringServicePrefix} resource. A client sends {@code prefix} and
 * {@code peeringServicePrefixKey}; the other properties are read-only and ignored on PUT.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeeringServicePrefixBody(String id, String name, String type, Properties properties) {

    public static final String TYPE = "Microsoft.Peering/peeringServices/prefixes";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(
            String prefix,
            String prefixValidationState,
            String learnedType,
            String errorMessage,
            String peeringServicePrefixKey,
            String provisioningState,
            List<Event> events) {}

    /** ARM's {@code PeeringServicePrefixEvent}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(
            OffsetDateTime eventTimestamp,
            String eventType,
            String eventSummary,
            String eventLevel,
            String eventDescription) {}
}
