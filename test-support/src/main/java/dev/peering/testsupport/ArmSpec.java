package dev.peering.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Microsoft.Peering API description, {@code arm/peering.json} (api-version 2022-10-01, copied from the
 * Azure REST API specs): its operations, and a check of a response against the schema the spec gives it.
 * The check is of the black-box shape: every property the definition declares has its declared type and,
 * where it has one, a value of its enum; {@code $ref} and {@code allOf} are followed. Properties the
 * definition does not declare are not checked (this control plane adds a few, each documented).
 */
public final class ArmSpec {

    /** One operation: its id, HTTP method, path template and the schema of each success status. */
    public record Operation(String operationId, String method, String path, Map<String, JsonNode> responses) {}

    private static final ArmSpec INSTANCE = load();

    private final JsonNode spec;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private ArmSpec(JsonNode spec) {
        this.spec = spec;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().has("operationId")) {
                    continue;
                }
                Map<String, JsonNode> responses = new LinkedHashMap<>();
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("2")) {
                        responses.put(r.getKey(), r.getValue().path("schema"));
                    }
                });
                String id = op.getValue().path("operationId").asText();
                operations.put(id, new Operation(id, op.getKey().toUpperCase(), path.getKey(), responses));
            }
        }
    }

    public static ArmSpec get() {
        return INSTANCE;
    }

    private static ArmSpec load() {
        try (InputStream in = ArmSpec.class.getClassLoader().getResourceAsStream("arm/peering.json")) {
            if (in == null) {
                throw new IllegalStateException("arm/peering.json is not on the classpath");
            }
            return new ArmSpec(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of the spec, by operationId, in the spec's order. */
    public Map<String, Operation> operations() {
        return operations;
    }

    /**
     * Where {@code body}, the answer of {@code operationId} with {@code status}, differs from the spec's schema
     * for it: one line each, naming the JSON path. Empty when it conforms. A status the spec does not give the
     * operation is a difference too.
     */
    public List<String> violations(String operationId, int status, JsonNode body) {
        Operation op = operations.get(operationId);
        if (op == null) {
            return List.of("no operation " + operationId + " in peering.json");
        }
        JsonNode schema = op.responses().get(String.valueOf(status));
        if (schema == null) {
            return List.of(operationId + " answered " + status + ", which the spec does not give it "
                    + op.responses().keySet());
        }
        List<String> out = new ArrayList<>();
        if (!schema.isMissingNode() && !schema.isEmpty()) {
            check(schema, body, "$", out, 0);
        }
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.path("$ref").asText();
            s = spec.at(ref.substring(1));
        }
        return s;
    }

    private void check(JsonNode rawSchema, JsonNode value, String where, List<String> out, int depth) {
        if (depth > 20 || value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        JsonNode schema = resolve(rawSchema);
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, where, out, depth + 1);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    out.add(where + " should be an object: " + abbreviate(value));
                    return;
                }
                schema.path("properties")
                        .fields()
                        .forEachRemaining(p ->
                                check(p.getValue(), value.get(p.getKey()), where + "." + p.getKey(), out, depth + 1));
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject()) {
                    value.fields().forEachRemaining(f -> {
                        if (!schema.path("properties").has(f.getKey())) {
                            check(additional, f.getValue(), where + "." + f.getKey(), out, depth + 1);
                        }
                    });
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(where + " should be an array: " + abbreviate(value));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), where + "[" + i + "]", out, depth + 1);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(where + " should be a string: " + abbreviate(value));
                } else if (schema.has("enum")) {
                    boolean known = false;
                    for (JsonNode e : schema.path("enum")) {
                        known |= e.asText().equals(value.asText());
                    }
                    if (!known) {
                        out.add(where + " is '" + value.asText() + "', not one of " + schema.path("enum"));
                    }
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    out.add(where + " should be an integer: " + abbreviate(value));
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    out.add(where + " should be a number: " + abbreviate(value));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(where + " should be a boolean: " + abbreviate(value));
                }
            }
            default -> {
                // no type declared: nothing to check beyond allOf
            }
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
