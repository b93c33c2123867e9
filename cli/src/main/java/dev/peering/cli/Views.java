package dev.peering.cli;

import java.util.List;

/** The table columns of each resource type, named as the ARM API names the properties. */
public final class Views {

    public static final List<Column> PEER_ASN = List.of(
            Column.at("Name", "/name"),
            Column.at("PeerAsn", "/peerAsn"),
            Column.at("PeerName", "/peerName"),
            Column.at("ValidationState", "/validationState"),
            Column.at("ErrorMessage", "/errorMessage"));

    public static final List<Column> PEERING = List.of(
            Column.at("Name", "/name"),
            Column.resourceGroup(),
            Column.at("PeeringLocation", "/peeringLocation"),
            Column.at("Sku", "/sku/name"),
            Column.lastSegment("PeerAsn", "/direct/peerAsn/id"),
            Column.count("Connections", "/properties/direct/connections"),
            Column.at("ProvisioningState", "/provisioningState"),
            Column.at("ErrorMessage", "/errorMessage"));

    public static final List<Column> CONNECTION = List.of(
            Column.at("ConnectionIdentifier", "/connectionIdentifier"),
            Column.at("Facility", "/peeringDBFacilityId"),
            Column.at("BandwidthInMbps", "/bandwidthInMbps"),
            Column.at("ConnectionState", "/connectionState"),
            Column.at("PeerIPv4", "/bgpSession/peerSessionIPv4Address"),
            Column.at("SessionV4", "/bgpSession/sessionStateV4"),
            Column.at("PeerIPv6", "/bgpSession/peerSessionIPv6Address"),
            Column.at("SessionV6", "/bgpSession/sessionStateV6"),
            Column.at("ErrorMessage", "/errorMessage"));

    public static final List<Column> LOCATION = List.of(
            Column.at("Name", "/name"),
            Column.at("Country", "/country"),
            Column.at("AzureRegion", "/azureRegion"),
            Column.each("Facilities", "/direct/peeringFacilities", "peeringDBFacilityId"),
            Column.each("BandwidthsInMbps", "/direct/bandwidthOffers", "valueInMbps"));

    public static final List<Column> REGISTERED_ASN = List.of(
            Column.at("Name", "/name"),
            Column.at("Asn", "/asn"),
            Column.at("PeeringServicePrefixKey", "/peeringServicePrefixKey"),
            Column.at("ProvisioningState", "/provisioningState"));

    public static final List<Column> PEERING_SERVICE = List.of(
            Column.at("Name", "/name"),
            Column.resourceGroup(),
            Column.at("Location", "/location"),
            Column.at("PeeringServiceLocation", "/peeringServiceLocation"),
            Column.at("PeeringServiceProvider", "/peeringServiceProvider"),
            Column.at("ProvisioningState", "/provisioningState"));

    /** The Prefix Key is left out of the table: the user typed it, and screens get shared. */
    public static final List<Column> PREFIX = List.of(
            Column.at("Name", "/name"),
            Column.at("Prefix", "/prefix"),
            Column.at("PrefixValidationState", "/prefixValidationState"),
            Column.at("LearnedType", "/learnedType"),
            Column.at("ErrorMessage", "/errorMessage"));

    public static final List<Column> REGISTERED_PREFIX = List.of(
            Column.at("Name", "/name"),
            Column.at("Prefix", "/prefix"),
            Column.at("PrefixValidationState", "/prefixValidationState"),
            Column.at("PeeringServicePrefixKey", "/peeringServicePrefixKey"),
            Column.at("ErrorMessage", "/errorMessage"));

    public static final List<Column> SERVICE_LOCATION = List.of(
            Column.at("Name", "/name"),
            Column.at("Country", "/country"),
            Column.at("State", "/state"),
            Column.at("AzureRegion", "/azureRegion"));

    public static final List<Column> SERVICE_PROVIDER =
            List.of(Column.at("Name", "/name"), Column.at("PeeringLocations", "/peeringLocations"));

    public static final List<Column> SERVICE_COUNTRY = List.of(Column.at("Name", "/name"));

    private Views() {}
}
