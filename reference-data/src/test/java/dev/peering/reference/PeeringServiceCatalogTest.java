package dev.peering.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeeringServiceCatalogTest {

    private final PeeringServiceCatalog catalog = PeeringServiceCatalog.load();
    private final PeeringLocations metros = PeeringLocations.load();

    @Test
    void everyNameTheCatalogUsesIsOneItDefines() {
        assertTrue(catalog.source().contains("ILLUSTRATIVE"));
        for (PeeringServiceCatalog.Location l : catalog.locations(null)) {
            assertTrue(catalog.countries().contains(l.country()), l.toString());
        }
        for (PeeringServiceCatalog.Provider p : catalog.providers()) {
            for (String location : p.serviceLocations()) {
                assertFalse(
                        catalog.locations(null).stream()
                                .filter(l -> l.name().equals(location))
                                .toList()
                                .isEmpty(),
                        p + " serves an unknown location " + location);
            }
            for (String metro : p.peeringLocations()) {
                assertTrue(metros.location(metro).isPresent(), p + " peers at an unknown metro " + metro);
            }
        }
    }

    @Test
    void availabilityIsByProviderAndLocation() {
        assertTrue(catalog.available("washington", "Contoso IX"));
        assertFalse(catalog.available("Hesse", "Contoso IX"));
        assertFalse(catalog.available("Washington", "Nobody"));
    }
}
