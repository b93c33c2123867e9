package dev.peering.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The peering locations shipped in this jar ({@code peering-locations.json}; its {@code source} field says
 * where the facts come from). Immutable; {@link #load()} reads the file once per call, so callers keep the
 * instance (or inject the CDI producer of their service).
 */
public final class PeeringLocations {

    public static final String RESOURCE = "peering-locations.json";

    private final String source;
    private final List<PeeringLocation> locations;
    private final Map<String, PeeringLocation> byName = new HashMap<>();
    private final Map<Integer, Facility> byFacilityId = new HashMap<>();

    private PeeringLocations(String source, List<PeeringLocation> locations) {
        this.source = source;
        this.locations = List.copyOf(locations);
        for (PeeringLocation location : this.locations) {
            byName.put(key(location.peeringLocation()), location);
            for (Facility facility : location.facilities()) {
                if (byFacilityId.put(facility.peeringDBFacilityId(), facility) != null) {
                    throw new IllegalStateException(
                            "facility " + facility.peeringDBFacilityId() + " appears twice in " + RESOURCE);
                }
            }
        }
    }

    /** Reads {@value #RESOURCE} from the classpath. */
    public static PeeringLocations load() {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = PeeringLocations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            FileShape file = mapper.readValue(in, FileShape.class);
            List<PeeringLocation> locations = new ArrayList<>();
            for (LocationShape l : file.locations) {
                List<Facility> facilities = new ArrayList<>();
                for (FacilityShape f : l.facilities) {
                    facilities.add(new Facility(
                            f.peeringDBFacilityId,
                            f.facilityName,
                            f.address,
                            f.exchangeName,
                            l.peeringLocation,
                            f.exchangePrefixesV4,
                            f.exchangePrefixesV6,
                            f.microsoftIPv4Addresses,
                            f.microsoftIPv6Addresses,
                            f.bandwidthOffersMbps));
                }
                locations.add(new PeeringLocation(l.peeringLocation, l.country, l.azureRegion, facilities));
            }
            return new PeeringLocations(file.source, locations);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Where the facts of the data file come from. */
    public String source() {
        return source;
    }

    public List<PeeringLocation> all() {
        return locations;
    }

    /** The metro of that name, ignoring case. */
    public Optional<PeeringLocation> location(String peeringLocation) {
        return peeringLocation == null ? Optional.empty() : Optional.ofNullable(byName.get(key(peeringLocation)));
    }

    public Optional<Facility> facility(int peeringDBFacilityId) {
        return Optional.ofNullable(byFacilityId.get(peeringDBFacilityId));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // The file's shape, kept apart from the records so the records stay immutable and complete.
    static final class FileShape {
        public String source;
        public List<LocationShape> locations = List.of();
    }

    static final class LocationShape {
        public String peeringLocation;
        public String country;
        public String azureRegion;
        public List<FacilityShape> facilities = List.of();
    }

    static final class FacilityShape {
        public int peeringDBFacilityId;
        public String facilityName;
        public String address;
        public String exchangeName;
        public List<String> exchangePrefixesV4 = List.of();
        public List<String> exchangePrefixesV6 = List.of();
        public List<String> microsoftIPv4Addresses = List.of();
        public List<String> microsoftIPv6Addresses = List.of();
        public List<Integer> bandwidthOffersMbps = List.of();
    }
}
