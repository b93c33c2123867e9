package dev.peering.peerings.domain;

import dev.peering.reference.ConnectionConfig;
import java.util.List;
import java.util.Map;

/** What a PUT asks for, already checked by {@link PeeringRules} (all but what needs the database). */
public record PeeringSpec(
        String kind,
        String skuName,
        String location,
        String directPeeringType,
        String peerAsnId,
        String peeringLocation,
        Map<String, String> tags,
        List<NewConnection> connections) {

    /**
     * One connection of the request. {@code connectionIdentifier} is null when the service is to assign
     * it; {@code md5AuthenticationKey} is write-only.
     */
    public record NewConnection(
            String field, String connectionIdentifier, ConnectionConfig config, String md5AuthenticationKey) {

        // The key stays out of any log line that prints a spec.
        @Override
        public String toString() {
            return "NewConnection[" + field + ", " + connectionIdentifier + "]";
        }
    }
}
