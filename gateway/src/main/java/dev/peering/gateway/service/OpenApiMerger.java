package dev.peering.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document out of the services' own: their paths, components and tags side by side, the
 * required {@code api-version} query parameter on every operation and one HTTP bearer (JWT) scheme
 * required everywhere, so Swagger UI's "Try it out" sends what the services demand. A component two
 * services name alike but define differently keeps its name in the first and is renamed
 * {@code <name>_<service>} (with every {@code $ref} to it) in the next.
 */
public final class OpenApiMerger {

    public static final String API_VERSION = "2022-10-01";
    public static final String BEARER = "bearer";
    private static final Set<String> OPERATIONS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final ObjectMapper json;

    public OpenApiMerger(ObjectMapper json) {
        this.json = json;
    }

    /** A service's own document, or why it is missing. */
    public record ServiceDocument(Upstream upstream, JsonNode document, String missing) {}

    public ObjectNode merge(List<ServiceDocument> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", openApiVersion(documents));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Microsoft.Peering (peering control plane)");
        info.put("version", API_VERSION);
        info.put("description", description(documents));
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        for (ServiceDocument service : documents) {
            if (service.document() == null) {
                continue;
            }
            JsonNode document = renameClashes(service, components);
            document.path("components").fields().forEachRemaining(type -> {
                if (!type.getKey().equals("securitySchemes")) {
                    ObjectNode target = components.has(type.getKey())
                            ? (ObjectNode) components.get(type.getKey())
                            : components.putObject(type.getKey());
                    type.getValue().fields().forEachRemaining(c -> target.set(c.getKey(), c.getValue()));
                }
            });
            document.path("paths").fields().forEachRemaining(path -> {
                ObjectNode target = paths.has(path.getKey())
                        ? (ObjectNode) paths.get(path.getKey())
                        : paths.putObject(path.getKey());
                path.getValue().fields().forEachRemaining(item -> target.set(item.getKey(), item.getValue()));
            });
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        declareApiVersionAndBearer(merged, json);
        return merged;
    }

    /**
     * Declares {@code api-version} on every operation that lacks it and makes the bearer scheme the only
     * one, required globally (an operation's own requirement would name a scheme the document no longer
     * has). A service's own document may already declare the parameter (platform's filter): it is kept.
     */
    public static void declareApiVersionAndBearer(ObjectNode document, ObjectMapper json) {
        document.path("paths").forEach(item -> item.fields().forEachRemaining(operation -> {
            if (OPERATIONS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op) {
                op.remove("security");
                ArrayNode parameters =
                        op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
                if (!hasApiVersion(parameters)) {
                    parameters.add(apiVersionParameter(json));
                }
            }
        }));
        ObjectNode components =
                document.has("components") ? (ObjectNode) document.get("components") : document.putObject("components");
        ObjectNode scheme = components.putObject("securitySchemes").putObject(BEARER);
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "JWT");
        scheme.put(
                "description",
                "A bearer JWT; on the local stack: ./stack token --subscriptions <sub> [--role operator]");
        document.putArray("security").addObject().putArray(BEARER);
    }

    private static boolean hasApiVersion(ArrayNode parameters) {
        for (JsonNode parameter : parameters) {
            if ("api-version".equals(parameter.path("name").asText())
                    && "query".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode apiVersionParameter(ObjectMapper json) {
        ObjectNode parameter = json.createObjectNode();
        parameter.put("name", "api-version");
        parameter.put("in", "query");
        parameter.put("required", true);
        parameter.put("description", "The ARM API version; this API speaks " + API_VERSION + " only.");
        ObjectNode schema = parameter.putObject("schema");
        schema.put("type", "string");
        schema.put("default", API_VERSION);
        schema.putArray("enum").add(API_VERSION);
        return parameter;
    }

    /** The service's document with each component that clashes with one already merged renamed. */
    private JsonNode renameClashes(ServiceDocument service, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        service.document().path("components").fields().forEachRemaining(type -> {
            if (type.getKey().equals("securitySchemes")) {
                return;
            }
            JsonNode existing = merged.path(type.getKey());
            type.getValue().fields().forEachRemaining(component -> {
                JsonNode before = existing.get(component.getKey());
                if (before != null && !before.equals(component.getValue())) {
                    String prefix = "#/components/" + type.getKey() + "/";
                    renames.put(
                            prefix + component.getKey(),
                            prefix + component.getKey() + "_"
                                    + service.upstream().module());
                }
            });
        });
        if (renames.isEmpty()) {
            return service.document();
        }
        JsonNode copy = service.document().deepCopy();
        rewriteRefs(copy, renames);
        ObjectNode components = (ObjectNode) copy.get("components");
        renames.forEach((from, to) -> {
            String[] fromParts = from.split("/");
            String[] toParts = to.split("/");
            ObjectNode type = (ObjectNode) components.get(fromParts[2]);
            type.set(toParts[3], type.remove(fromParts[3]));
        });
        return copy;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            Iterator<JsonNode> children = object.elements();
            children.forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static String openApiVersion(List<ServiceDocument> documents) {
        return documents.stream()
                .filter(d -> d.document() != null && d.document().hasNonNull("openapi"))
                .map(d -> d.document().get("openapi").asText())
                .findFirst()
                .orElse("3.1.0");
    }

    private static String description(List<ServiceDocument> documents) {
        StringBuilder text = new StringBuilder(
                "The four services of the peering control plane behind one front door. Every operation needs"
                        + " a bearer JWT (Authorize) and api-version=" + API_VERSION + ".");
        for (ServiceDocument d : documents) {
            if (d.missing() != null) {
                text.append(" Not included: ")
                        .append(d.upstream().module())
                        .append(" (")
                        .append(d.missing())
                        .append(").");
            }
        }
        return text.toString();
    }
}
