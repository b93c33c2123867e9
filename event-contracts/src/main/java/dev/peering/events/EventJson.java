package dev.peering.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The one JSON mapping of events, shared by every producer and consumer. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventJson() {}

    /** Builds a new event with a fresh id and the current time, without trace context. */
    public static CloudEvent newEvent(
            String type, String source, String subject, String correlationId, String subscription, Object data) {
        return newEvent(type, source, subject, correlationId, subscription, null, data);
    }

    /** Builds a new event with a fresh id and the current time; {@code traceparent} may be null. */
    public static CloudEvent newEvent(
            String type,
            String source,
            String subject,
            String correlationId,
            String subscription,
            String traceparent,
            Object data) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                type,
                source,
                subject,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                CloudEvent.CONTENT_TYPE,
                CloudEvent.dataSchemaOf(type),
                correlationId,
                subscription,
                traceparent,
                MAPPER.valueToTree(data));
    }

    public static String write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a record value as a CloudEvent.
     *
     * @throws MalformedEventException when the value is not JSON or lacks a required attribute
     */
    public static CloudEvent read(String json) {
        CloudEvent event;
        try {
            event = MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("not a CloudEvent: empty value", null);
        }
        requireAttribute(event.id(), "id");
        requireAttribute(event.type(), "type");
        requireAttribute(event.source(), "source");
        requireAttribute(event.specversion(), "specversion");
        if (event.data() == null || event.data().isNull()) {
            throw new MalformedEventException("event " + event.id() + " has no data", null);
        }
        return event;
    }

    static <T> T convert(JsonNode data, Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event data is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void requireAttribute(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvent attribute '" + name + "' is missing", null);
        }
    }
}
