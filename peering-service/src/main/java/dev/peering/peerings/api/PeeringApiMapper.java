package dev.peering.peerings.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peering.core.ArmException;
import dev.peering.core.MicrosoftTrackingIds;
import dev.peering.core.PeeringRef;
import dev.peering.peerings.domain.Agreement;
import dev.peering.peerings.domain.ConnectionView;
import dev.peering.peerings.domain.Peering;
import dev.peering.peerings.domain.PeeringRules;
import dev.peering.peerings.domain.PeeringSpec;
import dev.peering.platform.api.TagsPatch;
import dev.peering.reference.BgpSessionConfig;
import dev.peering.reference.ConnectionConfig;
import dev.peering.reference.Facility;
import dev.peering.reference.PeeringLocation;
import dev.peering.reference.PeeringLocations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The REST bodies: a request becomes a spec (its shape and Basics checked), a domain record a body. */
public final class PeeringApiMapper {

    private PeeringApiMapper() {}

    /** Checks the request's shape and Basics; what needs the database is checked by the service. */
    public static PeeringSpec toSpec(String subscriptionId, PeeringBody body, PeeringLocations locations) {
        if (body == null) {
            throw ArmException.invalidField("body", "is required: the peering resource.");
        }
        String kind = PeeringRules.requireKind(body.kind());
        String sku =
                PeeringRules.requireSku(body.sku() == null ? null : body.sku().name());
        String location = PeeringRules.requireLocation(body.location());
        PeeringBody.Properties p = body.properties();
        if (p == null) {
            throw ArmException.invalidField("properties", "is required.");
        }
        if (p.exchange() != null && !p.exchange().isNull()) {
            throw ArmException.invalidField(
                    "properties.exchange",
                    "is not used by a route-server peering; describe it under properties.direct.");
        }
        PeeringBody.Direct direct = p.direct();
        if (direct == null) {
            throw ArmException.invalidField("properties.direct", "is required.");
        }
        String type = PeeringRules.requireDirectPeeringType(direct.directPeeringType());
        String peeringLocation = PeeringRules.requirePeeringLocation(locations, p.peeringLocation());
        String peerAsnId = PeeringRules.requirePeerAsnId(
                subscriptionId,
                direct.peerAsn() == null ? null : direct.peerAsn().id());
        Map<String, String> tags = PeeringRules.requireTags(body.tags());
        List<PeeringBody.Connection> connections = direct.connections();
        if (connections == null || connections.isEmpty()) {
            throw ArmException.invalidField("properties.direct.connections", "must hold at least one connection.");
        }
        if (connections.size() > PeeringRules.MAX_CONNECTIONS) {
            throw ArmException.invalidField(
                    "properties.direct.connections",
                    "may hold at most " + PeeringRules.MAX_CONNECTIONS + " connections.");
        }
        List<PeeringSpec.NewConnection> specs = new ArrayList<>();
        TreeSet<String> identifiers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < connections.size(); i++) {
            String field = "properties.direct.connections[" + i + "]";
            PeeringBody.Connection c = connections.get(i);
            if (c == null) {
                throw ArmException.invalidField(field, "is required.");
            }
            if (c.connectionIdentifier() != null) {
                PeeringRules.requireConnectionIdentifier(field, c.connectionIdentifier());
                if (!identifiers.add(c.connectionIdentifier())) {
                    throw ArmException.invalidField(
                            field + ".connectionIdentifier", "'" + c.connectionIdentifier() + "' appears twice.");
                }
            }
            PeeringBody.BgpSession s = c.bgpSession();
            String md5 = s == null ? null : s.md5AuthenticationKey();
            PeeringRules.requireMd5Key(field, md5);
            BgpSessionConfig session = s == null
                    ? null
                    : new BgpSessionConfig(
                            s.sessionPrefixV4(),
                            s.sessionPrefixV6(),
                            s.microsoftSessionIPv4Address(),
                            s.microsoftSessionIPv6Address(),
                            s.peerSessionIPv4Address(),
                            s.peerSessionIPv6Address(),
                            s.maxPrefixesAdvertisedV4(),
                            s.maxPrefixesAdvertisedV6());
            specs.add(new PeeringSpec.NewConnection(
                    field,
                    c.connectionIdentifier(),
                    new ConnectionConfig(
                            c.peeringDBFacilityId(),
                            c.bandwidthInMbps(),
                            c.sessionAddressProvider(),
                            c.useForPeeringService(),
                            session),
                    md5));
        }
        return new PeeringSpec(kind, sku, location, type, peerAsnId, peeringLocation, tags, specs);
    }

    public static PeeringBody toApi(Peering p) {
        return new PeeringBody(
                new PeeringBody.Sku(p.skuName(), PeeringRules.SKU_TIER, PeeringRules.SKU_FAMILY, PeeringRules.SKU_SIZE),
                p.kind(),
                new PeeringBody.Properties(
                        new PeeringBody.Direct(
                                p.connections().stream()
                                        .map(c -> toApi(p.ref(), c))
                                        .toList(),
                                p.useForPeeringService(),
                                new PeeringBody.SubResource(p.peerAsnId()),
                                p.directPeeringType()),
                        null,
                        p.peeringLocation(),
                        p.provisioningState().name(),
                        p.errorMessage()),
                p.location(),
                p.tags().values(),
                p.ref().name(),
                p.resourceId(),
                PeeringBody.TYPE);
    }

    private static PeeringBody.Connection toApi(PeeringRef peering, ConnectionView c) {
        return new PeeringBody.Connection(
                c.bandwidthInMbps(),
                c.provisionedBandwidthInMbps(),
                c.sessionAddressProvider(),
                c.useForPeeringService(),
                MicrosoftTrackingIds.of(peering.childId("connections", c.connectionIdentifier())),
                c.peeringDBFacilityId(),
                c.connectionState(),
                new PeeringBody.BgpSession(
                        c.sessionPrefixV4(),
                        c.sessionPrefixV6(),
                        c.microsoftSessionIPv4Address(),
                        c.microsoftSessionIPv6Address(),
                        c.peerSessionIPv4Address(),
                        c.peerSessionIPv6Address(),
                        c.sessionStateV4(),
                        c.sessionStateV6(),
                        c.maxPrefixesAdvertisedV4(),
                        c.maxPrefixesAdvertisedV6(),
                        null),
                c.connectionIdentifier(),
                c.errorMessage());
    }

    public static PeeringLocationBody toApi(String subscriptionId, PeeringLocation l) {
        List<PeeringLocationBody.Facility> facilities = l.facilities().stream()
                .map((Facility f) -> new PeeringLocationBody.Facility(
                        f.address(),
                        PeeringRules.DIRECT_PEERING_TYPE,
                        f.peeringDBFacilityId(),
                        f.peeringDBFacilityLink(),
                        f.facilityName(),
                        f.exchangeName(),
                        f.exchangePrefixesV4(),
                        f.exchangePrefixesV6(),
                        f.microsoftIPv4Addresses(),
                        f.microsoftIPv6Addresses(),
                        f.bandwidthOffersMbps()))
                .toList();
        List<PeeringLocationBody.BandwidthOffer> offers = l.facilities().stream()
                .flatMap(f -> f.bandwidthOffersMbps().stream())
                .distinct()
                .sorted()
                .map(mbps -> new PeeringLocationBody.BandwidthOffer(offerName(mbps), mbps))
                .toList();
        return new PeeringLocationBody(
                PeeringRules.KIND,
                new PeeringLocationBody.Properties(
                        new PeeringLocationBody.Direct(facilities, offers),
                        null,
                        l.peeringLocation(),
                        l.country(),
                        l.azureRegion()),
                l.peeringLocation(),
                locationId(subscriptionId, l),
                PeeringLocationBody.TYPE);
    }

    /**
     * The location as {@code kind=Exchange} lists it: each facility's exchange LAN with Microsoft's first
     * address and the exchange's first prefix of each family, and its largest port speed.
     */
    public static PeeringLocationBody toExchangeApi(String subscriptionId, PeeringLocation l) {
        List<PeeringLocationBody.ExchangeFacility> facilities = l.facilities().stream()
                .map((Facility f) -> new PeeringLocationBody.ExchangeFacility(
                        f.exchangeName(),
                        f.bandwidthOffersMbps().stream().max(Integer::compare).orElse(0),
                        first(f.microsoftIPv4Addresses()),
                        first(f.microsoftIPv6Addresses()),
                        first(f.exchangePrefixesV4()),
                        first(f.exchangePrefixesV6()),
                        f.peeringDBFacilityId(),
                        f.peeringDBFacilityLink()))
                .toList();
        return new PeeringLocationBody(
                PeeringRules.KIND_EXCHANGE,
                new PeeringLocationBody.Properties(
                        null,
                        new PeeringLocationBody.Exchange(facilities),
                        l.peeringLocation(),
                        l.country(),
                        l.azureRegion()),
                l.peeringLocation(),
                locationId(subscriptionId, l),
                PeeringLocationBody.TYPE);
    }

    private static String locationId(String subscriptionId, PeeringLocation l) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peeringLocations/"
                + l.peeringLocation();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String offerName(int mbps) {
        return mbps % 1000 == 0 ? (mbps / 1000) + "Gbps" : mbps + "Mbps";
    }

    /** A PATCH body: {@code tags} and nothing else, every value a string; then the tag rules. */
    public static Map<String, String> toTags(JsonNode body) {
        return TagsPatch.parse(body, "a peering");
    }

    public static AgreementBody toApi(Agreement a) {
        return new AgreementBody(
                "/subscriptions/" + a.subscriptionId() + "/providers/Microsoft.Peering/peeringServiceAgreement",
                a.subscriptionId(),
                a.agreed(),
                a.grantedAt());
    }
}
