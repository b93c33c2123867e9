package dev.peering.registration.domain;

/**
 * Names one Peering Service the way its ARM path does, as {@code PeeringRef} names a peering: the one
 * place its resource id and its prefixes' ids are spelt.
 */
public record PeeringServiceRef(String subscriptionId, String resourceGroup, String name) {

    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Peering/peeringServices/" + name;
    }

    public String prefixId(String prefixName) {
        return resourceId() + "/prefixes/" + prefixName;
    }
}
