package dev.peering.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Parses {@code --connection 'facility=143,bandwidth=10000,peer-v4=206.81.80.40,...'} into the ARM
 * DirectConnection shape. Keys are the ARM property names or their short aliases; the session
 * address provider is {@code Peer} and {@code useForPeeringService} false unless given, and a missing
 * {@code connectionIdentifier} is a new UUID, as the portal does.
 */
public final class ConnectionSpec {

    private enum Kind {
        INT,
        BOOL,
        TEXT
    }

    private record Field(String armName, boolean inBgpSession, Kind kind) {}

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        add(new Field("connectionIdentifier", false, Kind.TEXT), "id");
        add(new Field("peeringDBFacilityId", false, Kind.INT), "facility");
        add(new Field("bandwidthInMbps", false, Kind.INT), "bandwidth");
        add(new Field("sessionAddressProvider", false, Kind.TEXT), "provider");
        add(new Field("useForPeeringService", false, Kind.BOOL), "peering-service");
        add(new Field("sessionPrefixV4", true, Kind.TEXT), "prefix-v4");
        add(new Field("sessionPrefixV6", true, Kind.TEXT), "prefix-v6");
        add(new Field("peerSessionIPv4Address", true, Kind.TEXT), "peer-v4");
        add(new Field("peerSessionIPv6Address", true, Kind.TEXT), "peer-v6");
        add(new Field("microsoftSessionIPv4Address", true, Kind.TEXT), "microsoft-v4");
        add(new Field("microsoftSessionIPv6Address", true, Kind.TEXT), "microsoft-v6");
        add(new Field("maxPrefixesAdvertisedV4", true, Kind.INT), "max-v4");
        add(new Field("maxPrefixesAdvertisedV6", true, Kind.INT), "max-v6");
        add(new Field("md5AuthenticationKey", true, Kind.TEXT), "md5");
    }

    private static final Map<String, Field> BY_KEY = new LinkedHashMap<>();

    private static void add(Field field, String alias) {
        FIELDS.put(alias, field);
    }

    static {
        FIELDS.forEach((alias, field) -> {
            BY_KEY.put(alias.toLowerCase(), field);
            BY_KEY.put(field.armName().toLowerCase(), field);
        });
    }

    private ConnectionSpec() {}

    /** The keys a user may write, for help texts. */
    public static String keys() {
        StringBuilder s = new StringBuilder();
        FIELDS.forEach((alias, field) ->
                s.append(s.length() == 0 ? "" : ", ").append(alias).append('|').append(field.armName()));
        return s.toString();
    }

    public static ObjectNode parse(String spec) {
        return parse(spec, () -> UUID.randomUUID().toString().toUpperCase());
    }

    static ObjectNode parse(String spec, Supplier<String> newIdentifier) {
        if (spec == null || spec.isBlank()) {
            throw CliFailure.usage("--connection is empty: write key=value pairs such as facility=143,bandwidth=10000");
        }
        ObjectNode connection = ArmClient.JSON.createObjectNode();
        ObjectNode bgp = ArmClient.JSON.createObjectNode();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw CliFailure.usage("--connection: '" + pair.trim() + "' is not key=value");
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            Field field = BY_KEY.get(key.toLowerCase());
            if (field == null) {
                throw CliFailure.usage("--connection: unknown key '" + key + "'; the keys are " + keys());
            }
            ObjectNode target = field.inBgpSession() ? bgp : connection;
            if (target.has(field.armName())) {
                throw CliFailure.usage("--connection: '" + key + "' is given twice");
            }
            switch (field.kind()) {
                case INT -> target.put(field.armName(), integer(key, value));
                case BOOL -> target.put(field.armName(), bool(key, value));
                default -> target.put(field.armName(), value);
            }
        }
        for (String required : new String[] {"peeringDBFacilityId", "bandwidthInMbps"}) {
            if (!connection.has(required)) {
                throw CliFailure.usage("--connection needs " + required + " (or its short key "
                        + (required.startsWith("peering") ? "facility" : "bandwidth") + ")");
            }
        }
        if (!connection.has("sessionAddressProvider")) {
            connection.put("sessionAddressProvider", "Peer");
        }
        if (!connection.has("useForPeeringService")) {
            connection.put("useForPeeringService", false);
        }
        if (!connection.has("connectionIdentifier")) {
            connection.put("connectionIdentifier", newIdentifier.get());
        }
        if (!bgp.isEmpty()) {
            connection.set("bgpSession", bgp);
        }
        return connection;
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw CliFailure.usage("--connection: " + key + " '" + value + "' is not a whole number");
        }
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw CliFailure.usage("--connection: " + key + " '" + value + "' is not true or false");
    }
}
