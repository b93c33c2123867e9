package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A peering as the Peerings list shows it. */
public record PeeringRow(
        String name, String resourceGroup, String location, String provisioningState, int connections, String link) {

    static PeeringRow of(String subscription, JsonNode peering) {
        String id = peering.path("id").asText();
        String rg = id.replaceAll("(?i)^.*/resourceGroups/([^/]+)/.*$", "$1");
        String name = peering.path("name").asText();
        return new PeeringRow(
                name,
                rg,
                peering.at("/properties/peeringLocation").asText(),
                peering.at("/properties/provisioningState").asText(),
                peering.at("/properties/direct/connections").size(),
                Overview.link(subscription, rg, name));
    }
}
