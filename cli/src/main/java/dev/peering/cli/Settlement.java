package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Where a resource stands for {@code --wait}: still moving, or settled in success or failure, with the
 * state shown on the progress line. One function per resource type, each the rule of its service.
 */
public record Settlement(Outcome outcome, String state) {

    public enum Outcome {
        PENDING,
        SUCCEEDED,
        FAILED
    }

    private static final Set<String> CONNECTION_FAILED = Set.of("ProvisioningFailed", "ExternalBlocker");
    private static final Set<String> PREFIX_FAILED = Set.of("Failed", "Invalid");

    /** PeerAsn: Approved or Failed. */
    public static Settlement peerAsn(JsonNode asn) {
        String state = prop(asn, "/validationState");
        return switch (state) {
            case "Approved" -> new Settlement(Outcome.SUCCEEDED, state);
            case "Failed" -> new Settlement(Outcome.FAILED, state);
            default -> new Settlement(Outcome.PENDING, orUnknown(state));
        };
    }

    /** Peering: provisioningState Succeeded or Failed (it is Updating while it waits on its PeerAsn). */
    public static Settlement peering(JsonNode peering) {
        String state = prop(peering, "/provisioningState");
        return switch (state) {
            case "Succeeded" -> new Settlement(Outcome.SUCCEEDED, state);
            case "Failed" -> new Settlement(Outcome.FAILED, state);
            default -> new Settlement(Outcome.PENDING, orUnknown(state));
        };
    }

    /**
     * Connection: Active with every configured session Established; ProvisioningFailed and
     * ExternalBlocker need a person, so waiting on them is a failure.
     */
    public static Settlement connection(JsonNode connection) {
        String state = prop(connection, "/connectionState");
        String v4 = prop(connection, "/bgpSession/sessionStateV4");
        String v6 = prop(connection, "/bgpSession/sessionStateV6");
        String shown = orUnknown(state) + sessions(v4, v6);
        if (CONNECTION_FAILED.contains(state)) {
            return new Settlement(Outcome.FAILED, shown);
        }
        boolean established = settledSession(v4) && settledSession(v6) && (configured(v4) || configured(v6));
        if (state.equals("Active") && established) {
            return new Settlement(Outcome.SUCCEEDED, shown);
        }
        return new Settlement(Outcome.PENDING, shown);
    }

    /** Registered ASN: settled once it holds its Prefix Key (which the progress line never shows). */
    public static Settlement registeredAsn(JsonNode registeredAsn) {
        String state = prop(registeredAsn, "/provisioningState");
        if (state.equals("Failed")) {
            return new Settlement(Outcome.FAILED, state);
        }
        if (!prop(registeredAsn, "/peeringServicePrefixKey").isBlank()) {
            return new Settlement(Outcome.SUCCEEDED, "key issued");
        }
        return new Settlement(Outcome.PENDING, state.isEmpty() ? "no key yet" : state + ", no key yet");
    }

    /** Customer prefix: Verified or Warning (usable), or Failed/Invalid. */
    public static Settlement prefix(JsonNode prefix) {
        String state = prop(prefix, "/prefixValidationState");
        // Warning is usable (e.g. the route server receives no route for it yet), as for a registered prefix
        if (state.equals("Verified") || state.equals("Warning")) {
            return new Settlement(Outcome.SUCCEEDED, state);
        }
        if (PREFIX_FAILED.contains(state)) {
            return new Settlement(Outcome.FAILED, state);
        }
        return new Settlement(Outcome.PENDING, orUnknown(state));
    }

    /** Registered prefix: Verified or Warning (usable, with its key), or Failed/Invalid. */
    public static Settlement registeredPrefix(JsonNode registeredPrefix) {
        String state = prop(registeredPrefix, "/prefixValidationState");
        if (state.equals("Verified") || state.equals("Warning")) {
            return new Settlement(Outcome.SUCCEEDED, state);
        }
        if (PREFIX_FAILED.contains(state)) {
            return new Settlement(Outcome.FAILED, state);
        }
        return new Settlement(Outcome.PENDING, orUnknown(state));
    }

    /** The errorMessage a failed resource carries, or its state when it has none. */
    public static String reason(JsonNode resource, Settlement s) {
        String message = prop(resource, "/errorMessage");
        return message.isBlank() ? s.state() : message;
    }

    private static boolean configured(String sessionState) {
        return !sessionState.isEmpty() && !sessionState.equals("None");
    }

    private static boolean settledSession(String sessionState) {
        return !configured(sessionState) || sessionState.equals("Established");
    }

    private static String sessions(String v4, String v6) {
        StringBuilder s = new StringBuilder();
        if (configured(v4)) {
            s.append(" v4=").append(v4);
        }
        if (configured(v6)) {
            s.append(" v6=").append(v6);
        }
        return s.toString();
    }

    private static String orUnknown(String state) {
        return state.isEmpty() ? "(no state yet)" : state;
    }

    private static String prop(JsonNode node, String pointer) {
        return Column.at("", pointer).cell().apply(node);
    }
}
