package dev.peering.reference;

import dev.peering.core.ArmException;
import dev.peering.reference.net.Cidr;
import java.util.Objects;

/**
 * The seed's rules for one connection of a route-server peering, applied by peering-service on create and by
 * connection-service on add-connection and add-session. Every violation is a 400 {@code InvalidRequestContent}
 * that names the field; callers pass the field path of the connection, e.g.
 * {@code properties.direct.connections[0]}, and the rules append the rest ({@code .bgpSession.sessionPrefixV4}).
 */
public final class ConnectionRules {

    /** The only session address provider of the route-server workflow. */
    public static final String PEER = "Peer";

    public static final int MIN_PREFIXES = 1;
    public static final int MAX_PREFIXES = 20000;

    private final PeeringLocations locations;

    public ConnectionRules(PeeringLocations locations) {
        this.locations = Objects.requireNonNull(locations);
    }

    /**
     * Checks a whole connection of a peering in {@code peeringLocation}: facility in that metro, provider
     * {@code Peer}, a bandwidth the facility offers, and a BGP session with an IPv4 part (IPv6 optional).
     *
     * @return the facility the connection is at
     */
    public Facility validate(String field, String peeringLocation, ConnectionConfig connection) {
        if (connection == null) {
            throw ArmException.invalidField(field, "is required.");
        }
        Facility facility = facility(field, peeringLocation, connection.peeringDBFacilityId());
        sessionAddressProvider(field, connection.sessionAddressProvider());
        bandwidth(field, facility, connection.bandwidthInMbps());
        BgpSessionConfig session = connection.bgpSession();
        if (session == null) {
            throw ArmException.invalidField(field + ".bgpSession", "is required: the session with the route server.");
        }
        if (session.sessionPrefixV4() == null) {
            throw ArmException.invalidField(
                    field + ".bgpSession.sessionPrefixV4", "is required, e.g. \"192.0.2.0/24\" (the exchange LAN).");
        }
        validateBgpSession(field + ".bgpSession", session);
        return facility;
    }

    /**
     * Checks a BGP session alone (connection-service's add-session): each family that is given must be
     * complete and consistent; at least one family must be given. {@code field} is the path of the
     * {@code bgpSession} object itself.
     */
    public void validateBgpSession(String field, BgpSessionConfig session) {
        if (session == null) {
            throw ArmException.invalidField(field, "is required.");
        }
        boolean v4 = session.sessionPrefixV4() != null
                || session.microsoftSessionIPv4Address() != null
                || session.peerSessionIPv4Address() != null;
        boolean v6 = session.sessionPrefixV6() != null
                || session.microsoftSessionIPv6Address() != null
                || session.peerSessionIPv6Address() != null;
        if (!v4 && !v6) {
            throw ArmException.invalidField(
                    field, "needs an IPv4 (sessionPrefixV4 and both addresses) or an IPv6 session.");
        }
        if (v4) {
            family(
                    field,
                    Cidr.Family.IPV4,
                    "V4",
                    "IPv4",
                    session.sessionPrefixV4(),
                    session.microsoftSessionIPv4Address(),
                    session.peerSessionIPv4Address());
        }
        if (v6) {
            family(
                    field,
                    Cidr.Family.IPV6,
                    "V6",
                    "IPv6",
                    session.sessionPrefixV6(),
                    session.microsoftSessionIPv6Address(),
                    session.peerSessionIPv6Address());
        }
        maxPrefixes(field + ".maxPrefixesAdvertisedV4", session.maxPrefixesAdvertisedV4());
        maxPrefixes(field + ".maxPrefixesAdvertisedV6", session.maxPrefixesAdvertisedV6());
    }

    /** The facility must exist and belong to the peering's metro. */
    public Facility facility(String field, String peeringLocation, Integer peeringDBFacilityId) {
        String f = field + ".peeringDBFacilityId";
        if (peeringDBFacilityId == null) {
            throw ArmException.invalidField(
                    f, "is required: the PeeringDB id of a facility in " + peeringLocation + ".");
        }
        Facility facility = locations
                .facility(peeringDBFacilityId)
                .orElseThrow(() -> ArmException.invalidField(
                        f,
                        peeringDBFacilityId + " is not a route-server exchange facility; list them with GET "
                                + "/providers/Microsoft.Peering/peeringLocations?kind=Direct&directPeeringType=IxRs."));
        if (!facility.peeringLocation().equalsIgnoreCase(peeringLocation)) {
            throw ArmException.invalidField(
                    f,
                    peeringDBFacilityId + " (" + facility.facilityName() + ") is in " + facility.peeringLocation()
                            + ", not in the peering's location " + peeringLocation + ".");
        }
        return facility;
    }

    /** The seed: the peer provides the session addresses; Microsoft is not allowed here. */
    public static void sessionAddressProvider(String field, String provider) {
        if (!PEER.equals(provider)) {
            throw ArmException.invalidField(
                    field + ".sessionAddressProvider",
                    "must be 'Peer' for a route-server peering (was " + quote(provider) + ").");
        }
    }

    public static void bandwidth(String field, Facility facility, Integer bandwidthInMbps) {
        if (bandwidthInMbps == null || !facility.bandwidthOffersMbps().contains(bandwidthInMbps)) {
            throw ArmException.invalidField(
                    field + ".bandwidthInMbps",
                    "must be one of the offers of " + facility.facilityName() + ": " + facility.bandwidthOffersMbps()
                            + " (was " + bandwidthInMbps + ").");
        }
    }

    /** {@code useForPeeringService} can be true only once the subscription has a Peering Service agreement. */
    public static void useForPeeringService(String field, Boolean requested, boolean agreementInPlace) {
        if (Boolean.TRUE.equals(requested) && !agreementInPlace) {
            throw ArmException.invalidField(
                    field + ".useForPeeringService",
                    "can be true only after the subscription has a Peering Service agreement; ask the peering "
                            + "operator, or leave it false.");
        }
    }

    public static void maxPrefixes(String field, Integer value) {
        if (value != null && (value < MIN_PREFIXES || value > MAX_PREFIXES)) {
            throw ArmException.invalidField(
                    field, "must be between " + MIN_PREFIXES + " and " + MAX_PREFIXES + " (was " + value + ").");
        }
    }

    private static void family(
            String field,
            Cidr.Family family,
            String suffix,
            String name,
            String prefixText,
            String microsoftText,
            String peerText) {
        String prefixField = field + ".sessionPrefix" + suffix;
        if (prefixText == null) {
            throw ArmException.invalidField(prefixField, "is required for an " + name + " session.");
        }
        Cidr prefix;
        try {
            prefix = Cidr.parse(prefixText);
        } catch (IllegalArgumentException e) {
            throw ArmException.invalidField(prefixField, "is not a valid CIDR: " + e.getMessage());
        }
        if (prefix.family() != family) {
            throw ArmException.invalidField(prefixField, "must be an " + name + " prefix (was " + prefixText + ").");
        }
        Cidr.Address microsoft =
                address(field + ".microsoftSession" + name + "Address", prefix, prefixField, microsoftText);
        Cidr.Address peer = address(field + ".peerSession" + name + "Address", prefix, prefixField, peerText);
        if (microsoft.equals(peer)) {
            throw ArmException.invalidField(
                    field + ".peerSession" + name + "Address",
                    "must differ from microsoftSession" + name + "Address (both are " + peer + ").");
        }
    }

    private static Cidr.Address address(String field, Cidr prefix, String prefixField, String text) {
        if (text == null) {
            throw ArmException.invalidField(field, "is required, an address inside " + prefix + ".");
        }
        Cidr.Address address;
        try {
            address = Cidr.parseAddress(text);
        } catch (IllegalArgumentException e) {
            throw ArmException.invalidField(field, "is not a valid IP address (was " + quote(text) + ").");
        }
        if (!prefix.contains(address)) {
            throw ArmException.invalidField(
                    field,
                    text + " is not inside " + prefixField.substring(prefixField.lastIndexOf('.') + 1) + " " + prefix
                            + ".");
        }
        if (prefix.isNetwork(address)) {
            throw ArmException.invalidField(
                    field, text + " is the network address of " + prefix + "; use a host address.");
        }
        if (prefix.isBroadcast(address)) {
            throw ArmException.invalidField(
                    field, text + " is the broadcast (last) address of " + prefix + "; use a host address.");
        }
        return address;
    }

    private static String quote(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
