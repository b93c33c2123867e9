package dev.peering.cli;

import dev.peering.events.CloudEvent;
import java.util.Locale;

/**
 * Which events {@code watch} shows. Every filter given must match. A resource matches its own events
 * and those of everything under it (a peering id shows its connections and registered ASNs), by
 * subject or by record key, ignoring case as ARM ids do.
 */
public record EventFilter(String correlationId, String resource, String subscription) {

    public boolean matches(String key, CloudEvent event) {
        if (correlationId != null && !correlationId.equalsIgnoreCase(event.correlationid())) {
            return false;
        }
        if (subscription != null && !subscription.equalsIgnoreCase(subscriptionOf(event))) {
            return false;
        }
        return resource == null || under(event.subject()) || under(key);
    }

    private boolean under(String id) {
        if (id == null) {
            return false;
        }
        String wanted = trimSlash(resource).toLowerCase(Locale.ROOT);
        String actual = id.toLowerCase(Locale.ROOT);
        return actual.equals(wanted) || actual.startsWith(wanted + "/");
    }

    private static String subscriptionOf(CloudEvent event) {
        if (event.subscription() != null) {
            return event.subscription();
        }
        return event.data() != null && event.data().hasNonNull("subscriptionId")
                ? event.data().get("subscriptionId").asText()
                : null;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
