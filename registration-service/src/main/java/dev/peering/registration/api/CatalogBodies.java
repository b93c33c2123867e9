package dev.peering.registration.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.peering.reference.PeeringServiceCatalog;
import java.util.List;

/** The ARM shapes of the Peering Service catalog: locations, providers, countries, and their mapping. */
public final class CatalogBodies {

    private CatalogBodies() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocationBody(String id, String name, String type, LocationProperties properties) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocationProperties(String country, String state, String azureRegion) {}

    public record ProviderBody(String id, String name, String type, ProviderProperties properties) {}

    public record ProviderProperties(String serviceProviderName, List<String> peeringLocations) {}

    public record CountryBody(String id, String name, String type) {}

    /** The body of CheckServiceProviderAvailability. */
    public record AvailabilityInput(String peeringServiceLocation, String peeringServiceProvider) {}

    public static LocationBody toBody(String subscriptionId, PeeringServiceCatalog.Location l) {
        return new LocationBody(
                id(subscriptionId, "peeringServiceLocations", l.name()),
                l.name(),
                "Microsoft.Peering/peeringServiceLocations",
                new LocationProperties(l.country(), l.state(), l.azureRegion()));
    }

    public static ProviderBody toBody(String subscriptionId, PeeringServiceCatalog.Provider p) {
        return new ProviderBody(
                id(subscriptionId, "peeringServiceProviders", p.serviceProviderName()),
                p.serviceProviderName(),
                "Microsoft.Peering/peeringServiceProviders",
                new ProviderProperties(p.serviceProviderName(), p.peeringLocations()));
    }

    public static CountryBody toCountry(String subscriptionId, String country) {
        return new CountryBody(
                id(subscriptionId, "peeringServiceCountries", country),
                country,
                "Microsoft.Peering/peeringServiceCountries");
    }

    private static String id(String subscriptionId, String type, String name) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/" + type + "/" + name;
    }
}
