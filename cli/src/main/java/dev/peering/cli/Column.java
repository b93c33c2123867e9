package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One column of a table: a header and how to read its cell from a resource's JSON. */
public record Column(String header, Function<JsonNode, String> cell) {

    /**
     * A column read at a JSON pointer; a resource served bare or wrapped in {@code properties} both
     * work, since the sub-resources of different services may come either way.
     */
    public static Column at(String header, String pointer) {
        return new Column(header, node -> {
            JsonNode value = node.at(pointer);
            if (value.isMissingNode() || value.isNull()) {
                value = node.at("/properties" + pointer);
            }
            return text(value);
        });
    }

    /** The last segment of the ARM id at the pointer, e.g. the PeerAsn name of a peering. */
    public static Column lastSegment(String header, String pointer) {
        return new Column(header, node -> {
            String id = at(header, pointer).cell().apply(node);
            int slash = id.lastIndexOf('/');
            return slash >= 0 ? id.substring(slash + 1) : id;
        });
    }

    /** The resource group named in the resource's {@code id}. */
    public static Column resourceGroup() {
        return new Column("ResourceGroup", node -> {
            String[] parts = node.path("id").asText("").split("/");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (parts[i].equalsIgnoreCase("resourceGroups")) {
                    return parts[i + 1];
                }
            }
            return "";
        });
    }

    /** The values at {@code field} of every element of the array at {@code arrayPointer}, comma separated. */
    public static Column each(String header, String arrayPointer, String field) {
        return new Column(header, node -> {
            JsonNode array = node.at(arrayPointer);
            if (!array.isArray()) {
                array = node.at("/properties" + arrayPointer);
            }
            List<String> values = new ArrayList<>();
            array.forEach(e -> values.add(text(e.path(field))));
            return String.join(",", values);
        });
    }

    public static Column count(String header, String arrayPointer) {
        return new Column(header, node -> {
            JsonNode array = node.at(arrayPointer);
            return array.isArray() ? Integer.toString(array.size()) : "";
        });
    }

    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(text(v)));
            return String.join(",", items);
        }
        return value.toString();
    }
}
