package dev.peering.faultsuite.drive;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request a service acknowledged with a 2xx, and the resource whose GET must show its final state.
 *
 * @param url the GET of the resource (without api-version)
 */
public record Ack(Kind kind, int workflow, String url) {

    /** What was acknowledged, and the state that settles it. */
    public enum Kind {
        /** PUT PeerAsn: the PeerAsn becomes Approved. */
        PEER_ASN,
        /** PUT PeerAsn that the operator rejected: the PeerAsn stays Failed. */
        PEER_ASN_REJECTED,
        /** PUT peering: the peering becomes Succeeded. */
        PEERING,
        /** The connection the peering PUT carried: Active with both BGP sessions Established. */
        CONNECTION,
        /** PUT registered ASN: Succeeded with a Prefix Key. */
        REGISTERED_ASN,
        /** A deletion (peer or operator) of a resource: its GET answers 404. */
        GONE;

        public boolean isFinal(JsonNode resource) {
            JsonNode properties = resource.path("properties");
            return switch (this) {
                case PEER_ASN -> properties.path("validationState").asText().equals("Approved");
                case PEER_ASN_REJECTED -> properties
                        .path("validationState")
                        .asText()
                        .equals("Failed");
                case PEERING -> properties.path("provisioningState").asText().equals("Succeeded");
                case CONNECTION -> resource.path("connectionState").asText().equals("Active")
                        && resource.path("bgpSession")
                                .path("sessionStateV6")
                                .asText()
                                .equals("Established");
                case REGISTERED_ASN -> properties
                                .path("provisioningState")
                                .asText()
                                .equals("Succeeded")
                        && !properties.path("peeringServicePrefixKey").asText().isEmpty();
                case GONE -> false;
            };
        }

        /** The part of the state a report may show (never the Prefix Key). */
        public String state(JsonNode resource) {
            JsonNode properties = resource.path("properties");
            return switch (this) {
                case PEER_ASN, PEER_ASN_REJECTED -> properties
                        .path("validationState")
                        .asText("?");
                case PEERING -> properties.path("provisioningState").asText("?");
                case CONNECTION -> resource.path("connectionState").asText("?") + " IPv4 "
                        + resource.path("bgpSession").path("sessionStateV4").asText("?") + " IPv6 "
                        + resource.path("bgpSession").path("sessionStateV6").asText("?");
                case REGISTERED_ASN -> properties.path("provisioningState").asText("?")
                        + (properties.path("peeringServicePrefixKey").asText().isEmpty()
                                ? " without key"
                                : " with key");
                case GONE -> "still there";
            };
        }
    }
}
