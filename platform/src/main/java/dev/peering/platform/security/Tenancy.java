package dev.peering.platform.security;

import dev.peering.platform.api.ArmExceptionMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A peer acts only on the subscriptions its token names. A request under any other subscription is
 * answered exactly as for a subscription that does not exist, so nothing leaks about other tenants.
 * The peering operator acts on all subscriptions.
 */
public class Tenancy {

    public static final String CLAIM = "subscriptions";

    @Inject
    CurrentIdentityAssociation identity;

    @ServerRequestFilter
    public Uni<Response> checkSubscription(ContainerRequestContext request) {
        String subscription = subscriptionOf(request.getUriInfo().getPath());
        if (subscription == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(caller -> {
            if (caller.isAnonymous() || caller.hasRole(Roles.OPERATOR) || holds(caller, subscription)) {
                // an anonymous caller is answered 401 by the security check that follows
                return null;
            }
            return notFound(subscription);
        });
    }

    /** The answer for a subscription the caller does not hold: the same as for one that does not exist. */
    public static Response notFound(String subscription) {
        return ArmExceptionMappers.error(
                404, "SubscriptionNotFound", "The subscription '" + subscription + "' could not be found.");
    }

    /** The subscriptions the caller's token names. */
    public static Set<String> subscriptions(SecurityIdentity caller) {
        if (!(caller.getPrincipal() instanceof JsonWebToken jwt)) {
            return Set.of();
        }
        Object claim = jwt.getClaim(CLAIM);
        if (claim instanceof JsonArray array) {
            return array.stream()
                    .filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Set<?> set) {
            return set.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    static boolean holds(SecurityIdentity caller, String subscription) {
        return subscriptions(caller).stream().anyMatch(subscription::equalsIgnoreCase);
    }

    static String subscriptionOf(String path) {
        String prefix = "/subscriptions/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        int end = path.indexOf('/', prefix.length());
        return end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
    }
}
