package dev.peering.gateway.service;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which service owns an ARM path, by resource type. The table is read off the services' JAX-RS
 * resources ({@code @Path} of each {@code api/*Resource}); {@code RouteTableCoversTheServicesTest}
 * reads them again and fails when a service serves a path this table sends elsewhere. Segments match
 * case-sensitively, as JAX-RS matches them in the services.
 */
public final class RouteTable {

    private static final String SUBSCRIPTION = "subscriptions/*/providers/Microsoft.Peering/";
    private static final String RESOURCE_GROUP = "subscriptions/*/resourceGroups/*/providers/Microsoft.Peering/";

    /** First match wins, so a sub-resource comes before the resource that holds it. */
    private static final List<Route> ROUTES = List.of(
            new Route(RESOURCE_GROUP + "peerings/*/connections/**", Upstream.CONNECTION),
            new Route(RESOURCE_GROUP + "peerings/*/registeredAsns/**", Upstream.REGISTRATION),
            new Route(RESOURCE_GROUP + "peerings/*/registeredPrefixes/**", Upstream.REGISTRATION),
            new Route(RESOURCE_GROUP + "peerings/*/receivedRoutes", Upstream.CONNECTION),
            new Route(RESOURCE_GROUP + "peerings/**", Upstream.PEERING),
            new Route(RESOURCE_GROUP + "peeringServices/**", Upstream.REGISTRATION),
            new Route(SUBSCRIPTION + "peerAsns/**", Upstream.ASN_VALIDATION),
            new Route(SUBSCRIPTION + "peerings", Upstream.PEERING),
            new Route(SUBSCRIPTION + "peeringLocations/**", Upstream.PEERING),
            new Route(SUBSCRIPTION + "peeringServiceAgreement/**", Upstream.PEERING),
            new Route(SUBSCRIPTION + "peeringServices", Upstream.REGISTRATION),
            new Route(SUBSCRIPTION + "peeringServiceLocations", Upstream.REGISTRATION),
            new Route(SUBSCRIPTION + "peeringServiceProviders", Upstream.REGISTRATION),
            new Route(SUBSCRIPTION + "peeringServiceCountries", Upstream.REGISTRATION),
            new Route(SUBSCRIPTION + "checkServiceProviderAvailability", Upstream.REGISTRATION),
            new Route(SUBSCRIPTION + "lookingGlass", Upstream.CONNECTION),
            // every service serves the provider's operations (platform's ProviderOperationsResource)
            new Route("providers/Microsoft.Peering/operations", Upstream.PEERING),
            // not ARM: the operator's dead-letter tools (ADR 0018), named by the service that owns the topics
            new Route("deadLetters/asn-validation-service/**", Upstream.ASN_VALIDATION),
            new Route("deadLetters/peering-service/**", Upstream.PEERING),
            new Route("deadLetters/connection-service/**", Upstream.CONNECTION),
            new Route("deadLetters/registration-service/**", Upstream.REGISTRATION));

    /** The resource types the gateway serves, for the answer to a path it does not know. */
    public static final String RESOURCE_TYPES =
            "peerAsns, peerings, peerings/{name}/connections, peerings/{name}/registeredAsns,"
                    + " peerings/{name}/registeredPrefixes, peerings/{name}/receivedRoutes, peeringServices,"
                    + " peeringServiceLocations, peeringServiceProviders, peeringServiceCountries,"
                    + " checkServiceProviderAvailability, lookingGlass, peeringLocations, peeringServiceAgreement,"
                    + " /providers/Microsoft.Peering/operations; for the operator /deadLetters/{service}";

    private RouteTable() {}

    /** The service that owns {@code path} (a normalized request path such as {@code /subscriptions/...}). */
    public static Optional<Upstream> route(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] segments = trimmed.split("/", -1);
        return ROUTES.stream()
                .filter(route -> route.matches(segments))
                .map(Route::upstream)
                .findFirst();
    }

    /** A pattern of segments: a literal, {@code *} for one non-empty segment, {@code **} for the rest. */
    private record Route(List<String> pattern, Upstream upstream) {

        Route(String pattern, Upstream upstream) {
            this(Arrays.asList(pattern.split("/")), upstream);
        }

        boolean matches(String[] segments) {
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                if (expected.equals("**")) {
                    return true;
                }
                if (i >= segments.length || segments[i].isEmpty()) {
                    return false;
                }
                if (!expected.equals("*") && !expected.equals(segments[i])) {
                    return false;
                }
            }
            return segments.length == pattern.size();
        }
    }
}
