package dev.peering.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode, the value of every record on every topic.
 *
 * <p>{@code correlationid}, {@code subscription} and {@code traceparent} are CloudEvents extension
 * attributes: the first follows one user request across all services, the second names the tenant the event
 * belongs to, the third is the W3C trace context of the span that wrote the event (the CloudEvents
 * distributed-tracing extension; absent when the producer had none), which a consumer's span continues.
 *
 * @param id unique per event; consumers use it as the idempotency key
 * @param subject the ARM resource id of the resource whose state changed
 * @param dataschema which contract the event follows: {@link #dataSchemaOf} of its type, naming the major
 *     version of the contract (absent on events written before it was introduced)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        String correlationid,
        String subscription,
        String traceparent,
        JsonNode data) {

    /** An event without a dataschema, as events were before it (read as such by every consumer). */
    public CloudEvent(
            String specversion,
            String id,
            String type,
            String source,
            String subject,
            OffsetDateTime time,
            String datacontenttype,
            String correlationid,
            String subscription,
            String traceparent,
            JsonNode data) {
        this(
                specversion,
                id,
                type,
                source,
                subject,
                time,
                datacontenttype,
                null,
                correlationid,
                subscription,
                traceparent,
                data);
    }

    /** An event without trace context, as events were before tracing (and without a dataschema). */
    public CloudEvent(
            String specversion,
            String id,
            String type,
            String source,
            String subject,
            OffsetDateTime time,
            String datacontenttype,
            String correlationid,
            String subscription,
            JsonNode data) {
        this(specversion, id, type, source, subject, time, datacontenttype, correlationid, subscription, null, data);
    }

    public static final String SPEC_VERSION = "1.0";
    /**
     * The major version of the event contract ({@code asyncapi.yaml}). It changes only with a breaking
     * change, which the compatibility check refuses within a version: a breaking change is a new type or a
     * new version, published beside the old one while consumers move.
     */
    public static final int CONTRACT_VERSION = 1;

    public static final String CONTENT_TYPE = "application/json";
    /** The Kafka content-type header value of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /**
     * The {@code dataschema} attribute of an event of {@code type}: the AsyncAPI message whose {@code name} is
     * that type, in major version {@link #CONTRACT_VERSION} of the contract.
     */
    public static String dataSchemaOf(String type) {
        return "urn:peering:event-contracts:v" + CONTRACT_VERSION + ":" + type;
    }

    /** Reads the payload as one of the event data types of this module. */
    public <T> T dataAs(Class<T> type) {
        return EventJson.convert(data, type);
    }
}
