package dev.peering.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The ARM request bodies the console's forms make, with the names of peering.json (form fields carry the
 * same names, so an error naming {@code peerSessionIPv4Address} is shown beside that field). A value is
 * passed on as typed, a number where it reads as one: the service, not the console, says what is wrong.
 */
public final class ArmBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The seed's peering: Direct, AS8075 with exchange route server (IxRs), SKU Premium Free. */
    public static final String KIND = "Direct";

    public static final String DIRECT_PEERING_TYPE = "IxRs";
    public static final String SKU = "Premium_Direct_Free";

    private ArmBodies() {}

    public static ObjectNode peerAsn(Map<String, String> form) {
        ObjectNode properties = JSON.createObjectNode();
        number(properties, "peerAsn", form.get("peerAsn"));
        text(properties, "peerName", form.get("peerName"));
        ObjectNode contact = properties.putArray("peerContactDetail").addObject();
        text(contact, "role", form.get("role"));
        text(contact, "email", form.get("email"));
        text(contact, "phone", form.get("phone"));
        return wrap(properties);
    }

    public static ObjectNode peering(String subscription, Map<String, String> form) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("sku").put("name", SKU);
        body.put("kind", KIND);
        text(body, "location", form.getOrDefault("location", "westus2"));
        ObjectNode properties = body.putObject("properties");
        text(properties, "peeringLocation", form.get("peeringLocation"));
        ObjectNode direct = properties.putObject("direct");
        direct.put("directPeeringType", DIRECT_PEERING_TYPE);
        direct.putObject("peerAsn")
                .put(
                        "id",
                        "/subscriptions/" + subscription + "/providers/Microsoft.Peering/peerAsns/"
                                + form.getOrDefault("peerAsn", ""));
        var connections = direct.putArray("connections");
        for (int i = 0; i < 4; i++) {
            String prefix = "c" + i + ".";
            if (!form.getOrDefault(prefix + "connectionIdentifier", "").isBlank() || i == 0) {
                connections.add(connection(form, prefix));
            }
        }
        return body;
    }

    /** One connection, its fields named {@code <prefix>peerSessionIPv4Address} and so on in the form. */
    public static ObjectNode connection(Map<String, String> form, String prefix) {
        ObjectNode connection = JSON.createObjectNode();
        text(connection, "connectionIdentifier", form.get(prefix + "connectionIdentifier"));
        number(connection, "peeringDBFacilityId", form.get(prefix + "peeringDBFacilityId"));
        number(connection, "bandwidthInMbps", form.get(prefix + "bandwidthInMbps"));
        connection.put("sessionAddressProvider", "Peer");
        connection.put("useForPeeringService", "on".equals(form.get(prefix + "useForPeeringService")));
        connection.set("bgpSession", session(form, prefix));
        return connection;
    }

    /** The {@code bgpSession} of a connection: IPv4 and/or IPv6 fields, those left blank omitted. */
    public static ObjectNode session(Map<String, String> form, String prefix) {
        ObjectNode session = JSON.createObjectNode();
        for (String family : new String[] {"V4", "V6"}) {
            String ip = family.equals("V4") ? "IPv4" : "IPv6";
            text(session, "sessionPrefix" + family, form.get(prefix + "sessionPrefix" + family));
            text(session, "microsoftSession" + ip + "Address", form.get(prefix + "microsoftSession" + ip + "Address"));
            text(session, "peerSession" + ip + "Address", form.get(prefix + "peerSession" + ip + "Address"));
            number(session, "maxPrefixesAdvertised" + family, form.get(prefix + "maxPrefixesAdvertised" + family));
        }
        text(session, "md5AuthenticationKey", form.get(prefix + "md5AuthenticationKey"));
        return session;
    }

    public static ObjectNode registeredAsn(Map<String, String> form) {
        ObjectNode properties = JSON.createObjectNode();
        number(properties, "asn", form.get("asn"));
        return wrap(properties);
    }

    public static ObjectNode reason(String reason) {
        ObjectNode body = JSON.createObjectNode();
        text(body, "reason", reason);
        return body;
    }

    /** The body as the Review + create tab shows it: the MD5 keys masked. */
    public static String review(JsonNode body) {
        JsonNode copy = body.deepCopy();
        copy.path("properties").path("direct").path("connections").forEach(c -> {
            if (c.path("bgpSession").has("md5AuthenticationKey")) {
                ((ObjectNode) c.path("bgpSession")).put("md5AuthenticationKey", "********");
            }
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode wrap(ObjectNode properties) {
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", properties);
        return body;
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }

    private static void number(ObjectNode node, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        if (v.matches("-?\\d{1,18}")) {
            node.put(name, Long.parseLong(v));
        } else {
            node.put(name, v);
        }
    }
}
