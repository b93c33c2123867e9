package dev.peering.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The Peering Service catalog shipped in this jar ({@code peering-service-catalog.json}, illustrative: its
 * {@code source} says so): the countries, the customer locations, and the providers with the metros where
 * they peer and the customer locations they serve.
 */
public final class PeeringServiceCatalog {

    public static final String RESOURCE = "peering-service-catalog.json";

    /** A customer location (a state or province). */
    public record Location(String name, String country, String state, String azureRegion) {}

    /** A Peering Service provider. */
    public record Provider(String serviceProviderName, List<String> peeringLocations, List<String> serviceLocations) {

        public Provider {
            peeringLocations = List.copyOf(peeringLocations);
            serviceLocations = List.copyOf(serviceLocations);
        }
    }

    private record FileShape(
            String source, List<String> countries, List<Location> locations, List<Provider> providers) {}

    private final FileShape file;

    private PeeringServiceCatalog(FileShape file) {
        this.file = file;
    }

    /** Reads {@value #RESOURCE} from the classpath. */
    public static PeeringServiceCatalog load() {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = PeeringServiceCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new PeeringServiceCatalog(mapper.readValue(in, FileShape.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public String source() {
        return file.source();
    }

    public List<String> countries() {
        return List.copyOf(file.countries());
    }

    /** The locations, of one country when {@code country} is given (case-insensitive), else all. */
    public List<Location> locations(String country) {
        return file.locations().stream()
                .filter(l -> country == null || l.country().equalsIgnoreCase(country))
                .toList();
    }

    public List<Provider> providers() {
        return List.copyOf(file.providers());
    }

    public Optional<Provider> provider(String name) {
        return file.providers().stream()
                .filter(p -> p.serviceProviderName().equalsIgnoreCase(name))
                .findFirst();
    }

    /** Whether the provider serves customers at the location (both by name, case-insensitive). */
    public boolean available(String location, String provider) {
        return provider(provider)
                .map(p -> p.serviceLocations().stream().anyMatch(l -> l.equalsIgnoreCase(location)))
                .orElse(false);
    }
}
