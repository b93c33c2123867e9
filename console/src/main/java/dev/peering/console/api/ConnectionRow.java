package dev.peering.console.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A connection as the Connections view shows it: its connection state and its IPv4/IPv6 session states. */
public record ConnectionRow(
        String identifier,
        String facility,
        String bandwidth,
        String connectionState,
        String sessionStateV4,
        String sessionStateV6,
        String peerV4,
        String peerV6,
        String error) {

    static ConnectionRow of(JsonNode c) {
        JsonNode session = c.path("bgpSession");
        return new ConnectionRow(
                c.path("connectionIdentifier").asText(),
                c.path("peeringDBFacilityId").asText(),
                c.path("bandwidthInMbps").asText(),
                c.path("connectionState").asText(),
                session.path("sessionStateV4").asText(session.has("peerSessionIPv4Address") ? "" : "-"),
                session.path("sessionStateV6").asText(session.has("peerSessionIPv6Address") ? "" : "-"),
                session.path("peerSessionIPv4Address").asText(""),
                session.path("peerSessionIPv6Address").asText(""),
                c.path("errorMessage").asText(""));
    }
}
