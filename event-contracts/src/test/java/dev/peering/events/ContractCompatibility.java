package dev.peering.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new AsyncAPI document breaks for a consumer written against a released one: a channel, message,
 * CloudEvent type or schema that is gone (removed or renamed), a property that is gone or has another type,
 * format, const or {@code $ref}, an enum value that is gone. Additions of any kind are compatible: new
 * properties, new enum values, new types, new schemas. The policy is in the README (Event contracts).
 */
final class ContractCompatibility {

    private ContractCompatibility() {}

    /** Each breaking change of {@code current} against {@code released}, one readable line each. */
    static List<String> breaks(JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        names(released.path("channels")).forEach(channel -> {
            if (current.path("channels").path(channel).isMissingNode()) {
                breaks.add("channel " + channel + " removed");
            }
        });
        JsonNode releasedMessages = released.path("components").path("messages");
        JsonNode currentMessages = current.path("components").path("messages");
        Set<String> currentTypes = new HashSet<>();
        currentMessages.forEach(m -> currentTypes.add(m.path("name").asText()));
        names(releasedMessages).forEach(message -> {
            String type = releasedMessages.path(message).path("name").asText();
            if (currentMessages.path(message).isMissingNode()) {
                breaks.add("message " + message + " removed or renamed");
            }
            if (!currentTypes.contains(type)) {
                breaks.add("CloudEvent type " + type + " removed or renamed");
            }
        });
        JsonNode releasedSchemas = released.path("components").path("schemas");
        JsonNode currentSchemas = current.path("components").path("schemas");
        names(releasedSchemas).forEach(schema -> {
            if (currentSchemas.path(schema).isMissingNode()) {
                breaks.add("schema " + schema + " removed or renamed");
            } else {
                compare(schema, releasedSchemas.path(schema), currentSchemas.path(schema), breaks);
            }
        });
        return breaks;
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> breaks) {
        for (String keyword : List.of("type", "format", "const", "$ref")) {
            if (released.has(keyword) && !released.path(keyword).equals(current.path(keyword))) {
                breaks.add(at + ": " + keyword + " " + released.path(keyword) + " became "
                        + (current.has(keyword) ? current.path(keyword) : "nothing"));
            }
        }
        if (released.has("enum")) {
            Set<JsonNode> values = new HashSet<>();
            current.path("enum").forEach(values::add);
            released.path("enum").forEach(value -> {
                if (!values.contains(value)) {
                    breaks.add(at + ": enum value " + value + " removed");
                }
            });
        }
        JsonNode releasedProperties = released.path("properties");
        names(releasedProperties).forEach(property -> {
            JsonNode now = current.path("properties").path(property);
            if (now.isMissingNode()) {
                breaks.add(at + ": property " + property + " removed or renamed");
            } else {
                compare(at + "." + property, releasedProperties.path(property), now, breaks);
            }
        });
        if (released.has("items")) {
            compare(at + "[]", released.path("items"), current.path("items"), breaks);
        }
        JsonNode releasedAllOf = released.path("allOf");
        for (int i = 0; i < releasedAllOf.size(); i++) {
            compare(
                    at + ".allOf[" + i + "]",
                    releasedAllOf.get(i),
                    current.path("allOf").path(i),
                    breaks);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            names.add(fields.next().getKey());
        }
        return names;
    }
}
