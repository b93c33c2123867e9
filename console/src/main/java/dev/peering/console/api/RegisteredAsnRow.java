package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registered ASN as the list shows it: its Prefix Key masked (the last four characters), in full only in the
 * rendering that answers "Show key".
 */
public record RegisteredAsnRow(String name, String asn, String maskedKey, String key, boolean issued) {

    static RegisteredAsnRow of(JsonNode registered, String shown) {
        String name = registered.path("name").asText();
        String key = registered.at("/properties/peeringServicePrefixKey").asText("");
        boolean issued = !key.isEmpty();
        String masked = issued ? "••••••••" + key.substring(Math.max(0, key.length() - 4)) : "";
        return new RegisteredAsnRow(
                name, registered.at("/properties/asn").asText(), masked, name.equals(shown) ? key : "", issued);
    }
}
