package dev.peering.console.api;

/** The console's own address of a peering's pages. */
final class Overview {

    private Overview() {}

    static String link(String subscription, String resourceGroup, String name) {
        return "/peering/" + Subscriptions.query(subscription) + "/" + Subscriptions.query(resourceGroup) + "/"
                + Subscriptions.query(name);
    }
}
