package dev.peering.connection.mapping;

import dev.peering.connection.domain.ConnectionSpec;
import dev.peering.events.PeeringEvent;
import dev.peering.reference.BgpSessionConfig;

/** What peering events carry, as the domain takes it. */
public final class PeeringEventMapper {

    private PeeringEventMapper() {}

    /** A connection a peering event asks for, as the configuration to create it with. */
    public static ConnectionSpec toSpec(PeeringEvent.Connection c) {
        return new ConnectionSpec(
                c.connectionIdentifier(),
                c.peeringDBFacilityId(),
                c.bandwidthInMbps(),
                c.sessionAddressProvider(),
                c.useForPeeringService(),
                new BgpSessionConfig(
                        c.sessionPrefixV4(),
                        c.sessionPrefixV6(),
                        c.microsoftSessionIPv4Address(),
                        c.microsoftSessionIPv6Address(),
                        c.peerSessionIPv4Address(),
                        c.peerSessionIPv6Address(),
                        c.maxPrefixesAdvertisedV4(),
                        c.maxPrefixesAdvertisedV6()),
                c.md5AuthenticationKeyConfigured());
    }
}
