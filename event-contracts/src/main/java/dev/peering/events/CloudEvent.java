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
        String correlationid,
        String subscription,
        String traceparent,
        JsonNode data) {

    /** An event without trace context, as events were before tracing. */
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
    public static final String CONTENT_TYPE = "application/json";
    /** The Kafka content-type header value of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** Reads the payload as one of the event data types of this module. */
    public <T> T dataAs(Class<T> type) {
        return EventJson.convert(data, type);
    }
}
