package dev.peering.connection.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.connection.domain.ConnectionRef;
import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import dev.peering.platform.api.ResourceNames;

/** Reads and checks what a connection request carries (path and body) before a service sees it. */
final class ConnectionRequests {

    private ConnectionRequests() {}

    static PeeringRef peering(String subscriptionId, String resourceGroup, String peeringName) {
        ResourceNames.requireSubscription(subscriptionId);
        ResourceNames.requireResourceGroup(resourceGroup);
        ResourceNames.requireName("peeringName", peeringName);
        return new PeeringRef(subscriptionId, resourceGroup, peeringName);
    }

    static ConnectionRef connection(
            String subscriptionId, String resourceGroup, String peeringName, String identifier) {
        PeeringRef peering = peering(subscriptionId, resourceGroup, peeringName);
        ResourceNames.requireName("connectionIdentifier", identifier);
        return new ConnectionRef(peering, identifier);
    }

    /** The body of PUT: a connection, whose connectionIdentifier (if given) is the path's. */
    static void checkAdd(ConnectionRef ref, ConnectionBody body) {
        if (body == null) {
            throw ArmException.invalidField("connection", "is required: the DirectConnection to add.");
        }
        String identifier = ref.connectionIdentifier();
        if (body.connectionIdentifier() != null && !body.connectionIdentifier().equals(identifier)) {
            throw ArmException.invalidField(
                    "connectionIdentifier",
                    "'" + body.connectionIdentifier() + "' differs from the path's '" + identifier
                            + "'; leave it out or make them equal.");
        }
    }

    /** The body of PATCH: a bgpSession and nothing else. */
    static void checkAddSession(ConnectionBody body) {
        if (body == null || body.bgpSession() == null) {
            throw ArmException.invalidField("bgpSession", "is required: the IPv4 or IPv6 session to add.");
        }
        if (body.bandwidthInMbps() != null
                || body.peeringDBFacilityId() != null
                || body.sessionAddressProvider() != null
                || body.useForPeeringService() != null) {
            throw ArmException.badRequest(
                    "InvalidRequestContent",
                    "Only bgpSession can be changed on a connection; to change the rest, remove the connection and"
                            + " add a new one.");
        }
    }

    /** The reason of fail: required, as the peer reads it in errorMessage. */
    static String failReason(OperatorRequest body) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw ArmException.invalidField("reason", "is required: tell the peer what to fix.");
        }
        return checkReason(reason);
    }

    /**
     * The reason of block, from a body that may be absent: a POST without one (and without a content
     * type, as the CLI sends it) is a block too.
     */
    static String blockReason(ObjectMapper json, String body) {
        OperatorRequest request = null;
        if (body != null && !body.isBlank()) {
            try {
                request = json.readValue(body, OperatorRequest.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw ArmException.badRequest(
                        "InvalidRequestContent", "The body of block is {\"reason\": \"...\"} or nothing.");
            }
        }
        String reason =
                request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason();
        return reason == null ? null : checkReason(reason);
    }

    private static String checkReason(String reason) {
        if (reason.length() > 300) {
            throw ArmException.invalidField("reason", "may hold at most 300 characters.");
        }
        return reason;
    }
}
