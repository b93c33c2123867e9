package dev.peering.registration.domain;

import dev.peering.core.ArmException;
import dev.peering.reference.PeeringServiceCatalog;
import java.util.List;

/**
 * A Peering Service PUT checked against the catalog (the same one PeeringServiceProviders_List and
 * PeeringServiceLocations_List serve): its provider is a catalog provider; its customer location, when given,
 * is a catalog location the provider serves; its provider peering locations, when given, are metros where
 * that provider peers. Names compare case-insensitively, as the catalog's lists are read by people.
 */
public final class CatalogRules {

    private CatalogRules() {}

    /** @throws ArmException 400 naming the field and where the valid values are listed */
    public static void requireInCatalog(PeeringServiceCatalog catalog, PeeringServiceSpec spec) {
        PeeringServiceCatalog.Provider provider = catalog.provider(spec.peeringServiceProvider())
                .orElseThrow(() -> ArmException.invalidField(
                        "properties.peeringServiceProvider",
                        "'" + spec.peeringServiceProvider() + "' is not a Peering Service provider; the providers"
                                + " are listed by GET /subscriptions/{id}/providers/Microsoft.Peering"
                                + "/peeringServiceProviders."));
        String location = spec.peeringServiceLocation();
        if (location != null) {
            if (catalog.locations(null).stream().noneMatch(l -> l.name().equalsIgnoreCase(location))) {
                throw ArmException.invalidField(
                        "properties.peeringServiceLocation",
                        "'" + location + "' is not a Peering Service location; the locations are listed by GET"
                                + " /subscriptions/{id}/providers/Microsoft.Peering/peeringServiceLocations.");
            }
            if (!catalog.available(location, provider.serviceProviderName())) {
                throw ArmException.invalidField(
                        "properties.peeringServiceLocation",
                        "'" + location + "' is not served by " + provider.serviceProviderName() + ", which serves "
                                + String.join(", ", provider.serviceLocations())
                                + " (POST .../checkServiceProviderAvailability answers for a pair).");
            }
        }
        requirePeeringLocation(
                "properties.providerPrimaryPeeringLocation", spec.providerPrimaryPeeringLocation(), provider);
        requirePeeringLocation(
                "properties.providerBackupPeeringLocation", spec.providerBackupPeeringLocation(), provider);
    }

    private static void requirePeeringLocation(String field, String metro, PeeringServiceCatalog.Provider provider) {
        List<String> metros = provider.peeringLocations();
        if (metro != null && metros.stream().noneMatch(m -> m.equalsIgnoreCase(metro))) {
            throw ArmException.invalidField(
                    field,
                    "'" + metro + "' is not a metro where " + provider.serviceProviderName() + " peers; it peers in "
                            + String.join(", ", metros) + ".");
        }
    }
}
