package dev.peering.core;

/**
 * Names one peering the way every ARM path does: subscription, resource group, peering name. The
 * one place its resource id is spelt, so the id on a topic, in a table and in a REST body agree.
 */
public record PeeringRef(String subscriptionId, String resourceGroup, String name) {

    public static final String TYPE = "Microsoft.Peering/peerings";

    /** The ARM resource id, the record key of the peering's events. */
    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Peering/peerings/" + name;
    }

    /** The id of a child resource of the peering, such as {@code registeredAsns/contoso}. */
    public String childId(String type, String childName) {
        return resourceId() + "/" + type + "/" + childName;
    }
}
