package dev.peering.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of the Microsoft.Peering provider that this control plane serves, in the ARM
 * {@code Operation} shape of {@code Operations_List}. Every service answers with the whole list (the
 * provider's, not its own share), so the gateway may send the request to any of them.
 */
public final class ProviderOperations {

    public static final String PROVIDER = "Microsoft.Peering";

    /** One ARM {@code Operation}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String name, Display display, boolean isDataAction) {}

    /** Its {@code display}: what the portal shows. */
    public record Display(String provider, String resource, String operation, String description) {}

    private record Type(String path, String resource, String noun, List<String> verbs) {}

    // The resource types served here and their verbs; names and wording as ARM's ListPeeringOperations example.
    private static final List<Type> TYPES = List.of(
            new Type("peerAsns", "peerAsns", "PeerAsn", List.of("write", "read", "delete")),
            new Type("peeringLocations", "peeringLocations", "PeeringLocation", List.of("read")),
            new Type("peerings", "peerings", "Peering", List.of("write", "read", "delete")),
            new Type("peerings/connections", "connections", "Peering Connections", List.of("read", "write", "delete")),
            new Type("peerings/registeredAsns", "registeredAsns", "RegisteredAsns", List.of("read", "write", "delete")),
            new Type(
                    "peerings/registeredPrefixes",
                    "registeredPrefixes",
                    "RegisteredPrefixes",
                    List.of("read", "write", "delete")),
            new Type("peeringServiceCountries", "peeringServiceCountries", "PeeringServiceCountries", List.of("read")),
            new Type("peeringServiceLocations", "peeringServiceLocations", "PeeringServiceLocations", List.of("read")),
            new Type("peeringServiceProviders", "peeringServiceProviders", "PeeringServiceProviders", List.of("read")),
            new Type("peeringServices", "peeringServices", "PeeringServices", List.of("read", "write", "delete")),
            new Type(
                    "peeringServices/prefixes",
                    "prefixes",
                    "PeeringServicePrefixes",
                    List.of("read", "write", "delete")));

    private static final List<Operation> ALL = build();

    private ProviderOperations() {}

    /** Every operation, in a fixed order. */
    public static List<Operation> all() {
        return ALL;
    }

    private static List<Operation> build() {
        List<Operation> operations = new ArrayList<>();
        for (Type t : TYPES) {
            for (String verb : t.verbs()) {
                String title = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
                operations.add(new Operation(
                        PROVIDER + "/" + t.path() + "/" + verb,
                        new Display(PROVIDER, t.resource(), title + " " + t.noun(), title + " any " + t.resource()),
                        false));
            }
        }
        operations.add(action(
                "checkServiceProviderAvailability",
                "Check Service Provider Availability",
                "Checks whether a Peering Service provider is available at a location"));
        operations.add(action(
                "peerings/registeredPrefixes/validate",
                "Validate RegisteredPrefix",
                "Validates a registered prefix again"));
        return List.copyOf(operations);
    }

    private static Operation action(String path, String operation, String description) {
        String resource = path.contains("/") ? path.substring(path.indexOf('/') + 1, path.lastIndexOf('/')) : path;
        return new Operation(
                PROVIDER + "/" + path + "/action", new Display(PROVIDER, resource, operation, description), false);
    }
}
