package dev.peering.peerings.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A peering's ARM tags, in the order the client sent them; equal when they hold the same pairs. */
public record Tags(Map<String, String> values) {

    public Tags {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static Tags of(Map<String, String> values) {
        return new Tags(values);
    }
}
