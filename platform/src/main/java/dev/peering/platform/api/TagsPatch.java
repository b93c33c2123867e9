package dev.peering.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.core.ArmException;
import dev.peering.core.Tags;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of an ARM {@code Update} (PATCH) that changes tags only: {@code {"tags":{...}}} and nothing else. */
public final class TagsPatch {

    private TagsPatch() {}

    /**
     * The tags the body sets (none: no tags), checked by {@link Tags#require}; a 400 that names the field for
     * anything else in it.
     *
     * @param resource what is patched, for the message, e.g. "a peering"
     */
    public static Map<String, String> parse(JsonNode body, String resource) {
        if (body == null || !body.isObject()) {
            throw ArmException.invalidField("body", "must be an object such as {\"tags\":{\"team\":\"noc\"}}.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("tags")) {
                throw ArmException.invalidField(
                        field, "cannot change with PATCH: a PATCH on " + resource + " updates its tags only.");
            }
        }
        JsonNode tags = body.get("tags");
        if (tags == null || tags.isNull()) {
            return Tags.require(Map.of());
        }
        if (!tags.isObject()) {
            throw ArmException.invalidField("tags", "must be an object of names to string values.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            var tag = it.next();
            if (!tag.getValue().isTextual()) {
                throw ArmException.invalidField("tags." + tag.getKey(), "must be a string.");
            }
            values.put(tag.getKey(), tag.getValue().textValue());
        }
        return Tags.require(values);
    }
}
