package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;

/** The ARM bodies as templates read them: {@code {peering.str('properties/peeringLocation')}}. */
@TemplateExtension
public class JsonTemplateExtensions {

    private JsonTemplateExtensions() {}

    /** The text at a JSON pointer without its leading slash; empty when absent or null. */
    static String str(JsonNode node, String pointer) {
        JsonNode found = node.at("/" + pointer);
        return found.isMissingNode() || found.isNull() ? "" : found.asText();
    }

    /** The node at a JSON pointer (an array iterates in {#for}). */
    static JsonNode node(JsonNode node, String pointer) {
        return node.at("/" + pointer);
    }
}
