package dev.peering.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AsyncAPI document of event-contracts ({@code asyncapi.yaml}) as a validator: an event is checked
 * against the payload schema of the message its CloudEvent type names, so the document cannot drift from
 * what the services emit. The document's objects are open to additions; here they are closed, so a
 * property a service emits without documenting it is still caught.
 */
public final class EventSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final Map<String, JsonSchema> byType = new HashMap<>();

    public EventSchemas() {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi.yaml is not on the classpath (event-contracts)");
            }
            document = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // The document's objects are open to consumers (a later event may add properties); our own producers
        // are held to what it lists, so the validator closes every object schema that lists properties.
        ObjectNode closed = document.path("components").deepCopy();
        closed.path("schemas").forEach(s -> {
            if (s.has("properties") && "object".equals(s.path("type").asText()) && !s.has("additionalProperties")) {
                ((ObjectNode) s).put("additionalProperties", false);
            }
        });
        for (Iterator<JsonNode> messages =
                        document.path("components").path("messages").elements();
                messages.hasNext(); ) {
            JsonNode message = messages.next();
            ObjectNode schema = JSON.createObjectNode();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("$ref", message.path("payload").path("$ref").asText());
            schema.set("components", closed);
            byType.put(message.path("name").asText(), factory.getSchema(schema));
        }
    }

    /** The CloudEvent types the document describes. */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    /** The examples the document gives for its messages, as JSON. */
    public List<JsonNode> examples() {
        return document.path("components").path("messages").findValues("examples").stream()
                .flatMap(examples -> java.util.stream.StreamSupport.stream(examples.spliterator(), false))
                .map(example -> example.path("payload"))
                .toList();
    }

    /** What is wrong with the event, as readable lines; empty when it matches its message's schema. */
    public List<String> problems(String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return problems(event);
    }

    public List<String> problems(JsonNode event) {
        String type = event.path("type").asText();
        JsonSchema schema = byType.get(type);
        if (schema == null) {
            return List.of("type '" + type + "' is not a message of asyncapi.yaml");
        }
        Set<ValidationMessage> messages = schema.validate(event);
        return messages.stream().map(m -> type + ": " + m.getMessage()).sorted().collect(Collectors.toList());
    }
}
