package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peering.events.CloudEvent;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which events {@code watch} shows. Every filter given must match. A resource matches its own events
 * and those of everything under it (a peering id shows its connections and registered ASNs), by
 * subject or by record key, ignoring case as ARM ids do.
 */
public record EventFilter(String correlationId, String resource, String subscription, Set<String> visible) {

    public EventFilter(String correlationId, String resource, String subscription) {
        this(correlationId, resource, subscription, null);
    }

    /**
     * The filter for the holder of a bearer token: a peer sees only the events of the subscriptions its
     * token names, the operator (or no token) everything. The token is read, not verified: this is what
     * the CLI shows, not a protection of the topics, which is the brokers' (ACLs) to give.
     */
    public EventFilter forToken(String token) {
        return token == null || token.isBlank()
                ? this
                : new EventFilter(correlationId, resource, subscription, peerSubscriptions(token));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean matches(String key, CloudEvent event) {
        if (visible != null && visible.stream().noneMatch(s -> s.equalsIgnoreCase(subscriptionOf(event)))) {
            return false;
        }
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

    /** The subscriptions a peer's token names; null for the operator's. */
    static Set<String> peerSubscriptions(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Set.of();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            for (JsonNode group : claims.path("groups")) {
                if ("operator".equals(group.asText())) {
                    return null;
                }
            }
            Set<String> subscriptions = new HashSet<>();
            claims.path("subscriptions").forEach(s -> subscriptions.add(s.asText()));
            return Set.copyOf(subscriptions);
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable token shows nothing rather than everything
            return Set.of();
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
