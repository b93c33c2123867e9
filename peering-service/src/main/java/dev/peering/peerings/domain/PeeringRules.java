package dev.peering.peerings.domain;

import dev.peering.core.ArmException;
import dev.peering.core.Tags;
import dev.peering.reference.PeeringLocation;
import dev.peering.reference.PeeringLocations;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed's rules for a route-server peering's Basics, tags and identifiers. Plain Java. */
public final class PeeringRules {

    public static final String KIND = "Direct";
    /** The other kind ARM lists locations of; peerings here are all {@link #KIND}. */
    public static final String KIND_EXCHANGE = "Exchange";

    public static final String DIRECT_PEERING_TYPE = "IxRs";
    public static final String SKU_NAME = "Premium_Direct_Free";
    public static final String SKU_TIER = "Premium";
    public static final String SKU_FAMILY = "Direct";
    public static final String SKU_SIZE = "Free";
    public static final int MAX_CONNECTIONS = 32;
    public static final int MAX_TAGS = Tags.MAX_TAGS;
    public static final int MAX_MD5_KEY_LENGTH = 80;

    private static final Pattern PEER_ASN_ID = Pattern.compile(
            "/subscriptions/([^/]+)/providers/Microsoft\\.Peering/peerAsns/([^/]+)", Pattern.CASE_INSENSITIVE);
    // The names asn-validation-service accepts for a PeerAsn (the common ARM rule of platform's ResourceNames):
    // a peering may wait on a PeerAsn not known here yet, but never on one that cannot exist.
    private static final Pattern PEER_ASN_NAME = Pattern.compile("[A-Za-z0-9_()\\-.]{0,79}[A-Za-z0-9_()\\-]");
    private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ]{0,63}");
    private static final Pattern CONNECTION_IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,79}");
    // Printable ASCII without spaces: what BGP implementations accept as a TCP MD5 password.
    private static final Pattern MD5_KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_MD5_KEY_LENGTH + "}");

    private PeeringRules() {}

    public static String requireKind(String kind) {
        if (!KIND.equals(kind)) {
            throw ArmException.invalidField(
                    "kind", "must be 'Direct' for a peering with the exchange route server (was " + show(kind) + ").");
        }
        return kind;
    }

    public static String requireSku(String skuName) {
        if (!SKU_NAME.equals(skuName)) {
            throw ArmException.invalidField(
                    "sku.name",
                    "must be 'Premium_Direct_Free' for a route-server peering (was " + show(skuName) + ").");
        }
        return skuName;
    }

    public static String requireLocation(String location) {
        if (location == null || !LOCATION.matcher(location).matches()) {
            throw ArmException.invalidField("location", "is required: the Azure region, e.g. 'westus2'.");
        }
        return location;
    }

    public static String requireDirectPeeringType(String type) {
        if (!DIRECT_PEERING_TYPE.equals(type)) {
            throw ArmException.invalidField(
                    "properties.direct.directPeeringType",
                    "must be 'IxRs' (AS8075 with exchange route server) (was " + show(type) + ").");
        }
        return type;
    }

    /** @return the metro's canonical name */
    public static String requirePeeringLocation(PeeringLocations locations, String peeringLocation) {
        if (peeringLocation == null || peeringLocation.isBlank()) {
            throw ArmException.invalidField("properties.peeringLocation", "is required: a metro such as 'Seattle'.");
        }
        return locations
                .location(peeringLocation)
                .map(PeeringLocation::peeringLocation)
                .orElseThrow(() -> ArmException.invalidField(
                        "properties.peeringLocation",
                        "'" + abbreviate(peeringLocation)
                                + "' is not a metro with route-server facilities; list them with"
                                + " GET /subscriptions/{subscriptionId}/providers/Microsoft.Peering/peeringLocations"
                                + "?kind=Direct&directPeeringType=IxRs."));
    }

    /**
     * The PeerAsn id must name a PeerAsn of the peering's own subscription.
     *
     * @return the id as sent
     */
    public static String requirePeerAsnId(String subscriptionId, String peerAsnId) {
        String field = "properties.direct.peerAsn.id";
        if (peerAsnId == null || peerAsnId.isBlank()) {
            throw ArmException.invalidField(
                    field,
                    "is required: /subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peerAsns/{name}.");
        }
        Matcher m = PEER_ASN_ID.matcher(peerAsnId);
        if (!m.matches()) {
            throw ArmException.invalidField(
                    field,
                    "must be a PeerAsn id, /subscriptions/" + subscriptionId
                            + "/providers/Microsoft.Peering/peerAsns/{name}.");
        }
        if (!m.group(1).equalsIgnoreCase(subscriptionId)) {
            throw ArmException.invalidField(
                    field, "must name a PeerAsn of this subscription (" + subscriptionId + ").");
        }
        if (!PEER_ASN_NAME.matcher(m.group(2)).matches()) {
            throw ArmException.invalidField(
                    field,
                    "names no PeerAsn that can exist: a PeerAsn's name has letters, digits, '_', '-', '.', '(' and"
                            + " ')', 1-80 characters, not ending in '.'.");
        }
        return peerAsnId;
    }

    /**
     * A PeerAsn id checked by {@link #requirePeerAsnId}, spelled as this service spells it until the
     * PeerAsn's own event gives its canonical spelling: the peering's subscription and the ARM segments
     * as ARM writes them, the name as sent (names keep their case in ARM).
     */
    public static String peerAsnIdOf(String subscriptionId, String peerAsnId) {
        Matcher m = PEER_ASN_ID.matcher(peerAsnId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PeerAsn id: " + peerAsnId);
        }
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peerAsns/" + m.group(2);
    }

    /** The name of a PeerAsn id checked by {@link #requirePeerAsnId}. */
    public static String peerAsnName(String peerAsnId) {
        Matcher m = PEER_ASN_ID.matcher(peerAsnId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PeerAsn id: " + peerAsnId);
        }
        return m.group(2);
    }

    public static void requireConnectionIdentifier(String field, String identifier) {
        if (!CONNECTION_IDENTIFIER.matcher(identifier).matches()) {
            throw ArmException.invalidField(
                    field + ".connectionIdentifier",
                    "may hold letters, digits, '_', '-' and '.', 1-80 characters; leave it out to have one assigned.");
        }
    }

    /** Never echoes the key: a wrong key in an error message would land in a log line or a screenshot. */
    public static void requireMd5Key(String field, String key) {
        if (key != null && !MD5_KEY.matcher(key).matches()) {
            throw ArmException.invalidField(
                    field + ".bgpSession.md5AuthenticationKey",
                    "must be 1-" + MAX_MD5_KEY_LENGTH + " printable ASCII characters without spaces.");
        }
    }

    public static Map<String, String> requireTags(Map<String, String> tags) {
        return Tags.require(tags);
    }

    private static String show(String value) {
        return value == null ? "missing" : "'" + abbreviate(value) + "'";
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
