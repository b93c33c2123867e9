package dev.peering.console.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The ARM paths the console calls, as peering.json spells them. */
public final class ArmPaths {

    private static final String PROVIDER = "/providers/Microsoft.Peering";

    private ArmPaths() {}

    public static String peerAsns(String subscription) {
        return "/subscriptions/" + seg(subscription) + PROVIDER + "/peerAsns";
    }

    public static String peerAsn(String subscription, String name) {
        return peerAsns(subscription) + "/" + seg(name);
    }

    public static String peerings(String subscription) {
        return "/subscriptions/" + seg(subscription) + PROVIDER + "/peerings";
    }

    public static String peeringLocations(String subscription) {
        return "/subscriptions/" + seg(subscription) + PROVIDER
                + "/peeringLocations?kind=Direct&directPeeringType=IxRs";
    }

    public static String peering(String subscription, String resourceGroup, String name) {
        return "/subscriptions/" + seg(subscription) + "/resourceGroups/" + seg(resourceGroup) + PROVIDER + "/peerings/"
                + seg(name);
    }

    public static String connections(String subscription, String resourceGroup, String name) {
        return peering(subscription, resourceGroup, name) + "/connections";
    }

    public static String connection(String subscription, String resourceGroup, String name, String connection) {
        return connections(subscription, resourceGroup, name) + "/" + seg(connection);
    }

    public static String registeredAsns(String subscription, String resourceGroup, String name) {
        return peering(subscription, resourceGroup, name) + "/registeredAsns";
    }

    public static String registeredAsn(String subscription, String resourceGroup, String name, String asn) {
        return registeredAsns(subscription, resourceGroup, name) + "/" + seg(asn);
    }

    static String seg(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
