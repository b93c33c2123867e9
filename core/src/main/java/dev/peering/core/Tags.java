package dev.peering.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A resource's ARM tags, in the order the client sent them; equal when they hold the same pairs. */
public record Tags(Map<String, String> values) {

    /** The most tags a resource may hold, as ARM allows. */
    public static final int MAX_TAGS = 50;

    public Tags {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static Tags of(Map<String, String> values) {
        return new Tags(values);
    }

    /** ARM's tag rules: at most 50, names 1-512 characters, values strings of at most 256; none is no tags. */
    public static Map<String, String> require(Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw ArmException.invalidField("tags", "may hold at most " + MAX_TAGS + " tags.");
        }
        tags.forEach((k, v) -> {
            if (k == null || k.isBlank() || k.length() > 512) {
                throw ArmException.invalidField("tags", "names must be 1-512 characters.");
            }
            if (v == null || v.length() > 256) {
                throw ArmException.invalidField("tags." + abbreviate(k), "must be a string of at most 256 characters.");
            }
        });
        return tags;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
