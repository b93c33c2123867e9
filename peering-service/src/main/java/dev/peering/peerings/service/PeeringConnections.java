package dev.peering.peerings.service;

import dev.peering.core.ArmException;
import dev.peering.peerings.domain.ConnectionView;
import dev.peering.peerings.domain.PeeringSpec;
import dev.peering.peerings.persistence.ConnectionViewEntity;
import dev.peering.peerings.persistence.PeeringEntity;
import dev.peering.reference.ConnectionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;

/**
 * The connections a peering's PUT sends: new ones are checked and built here, existing ones must come
 * back unchanged. Runs inside {@link PeeringService}'s transaction.
 */
@ApplicationScoped
public class PeeringConnections {

    @Inject
    ConnectionRules connectionRules;

    /** A new connection of {@code peering}, not yet handed to provisioning; the caller adds it. */
    public ConnectionViewEntity newConnection(
            PeeringEntity peering, PeeringSpec.NewConnection spec, boolean agreement) {
        connectionRules.validate(spec.field(), peering.peeringLocation, spec.config());
        ConnectionRules.useForPeeringService(spec.field(), spec.config().useForPeeringService(), agreement);
        ConnectionViewEntity c = new ConnectionViewEntity();
        c.id = UUID.randomUUID().toString();
        c.peering = peering;
        c.connectionIdentifier = spec.connectionIdentifier() != null
                ? spec.connectionIdentifier()
                : UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        c.position = peering.nextPosition();
        c.peeringDBFacilityId = spec.config().peeringDBFacilityId();
        c.bandwidthInMbps = spec.config().bandwidthInMbps();
        c.provisionedBandwidthInMbps = 0;
        c.sessionAddressProvider = spec.config().sessionAddressProvider();
        c.useForPeeringService = Boolean.TRUE.equals(spec.config().useForPeeringService());
        var s = spec.config().bgpSession();
        c.sessionPrefixV4 = s.sessionPrefixV4();
        c.sessionPrefixV6 = s.sessionPrefixV6();
        c.microsoftSessionIPv4Address = s.microsoftSessionIPv4Address();
        c.microsoftSessionIPv6Address = s.microsoftSessionIPv6Address();
        c.peerSessionIPv4Address = s.peerSessionIPv4Address();
        c.peerSessionIPv6Address = s.peerSessionIPv6Address();
        c.maxPrefixesAdvertisedV4 = s.maxPrefixesAdvertisedV4();
        c.maxPrefixesAdvertisedV6 = s.maxPrefixesAdvertisedV6();
        c.md5AuthenticationKey = spec.md5AuthenticationKey();
        c.md5Configured = spec.md5AuthenticationKey() != null;
        c.connectionState = ConnectionView.PENDING_APPROVAL;
        c.sessionStateV4 =
                s.sessionPrefixV4() != null ? ConnectionView.SESSION_PENDING_ADD : ConnectionView.SESSION_NONE;
        c.sessionStateV6 =
                s.sessionPrefixV6() != null ? ConnectionView.SESSION_PENDING_ADD : ConnectionView.SESSION_NONE;
        c.requested = false;
        return c;
    }

    /** An existing connection changes through connection-service's sub-resource, not through the peering's PUT. */
    public static void requireSameConfiguration(PeeringSpec.NewConnection spec, ConnectionViewEntity c) {
        var config = spec.config();
        var s = config.bgpSession();
        boolean same = eq(config.peeringDBFacilityId(), c.peeringDBFacilityId)
                && eq(config.bandwidthInMbps(), c.bandwidthInMbps)
                && (config.sessionAddressProvider() == null
                        || config.sessionAddressProvider().equals(c.sessionAddressProvider))
                && (config.useForPeeringService() == null || config.useForPeeringService() == c.useForPeeringService)
                && s != null
                && eqText(s.sessionPrefixV4(), c.sessionPrefixV4)
                && eqText(s.sessionPrefixV6(), c.sessionPrefixV6)
                && eqText(s.microsoftSessionIPv4Address(), c.microsoftSessionIPv4Address)
                && eqText(s.microsoftSessionIPv6Address(), c.microsoftSessionIPv6Address)
                && eqText(s.peerSessionIPv4Address(), c.peerSessionIPv4Address)
                && eqText(s.peerSessionIPv6Address(), c.peerSessionIPv6Address);
        if (!same) {
            throw ArmException.badRequest(
                    "ConnectionChangeNotAllowed",
                    "'" + spec.field() + "' changes the existing connection '" + c.connectionIdentifier + "'. A PUT"
                            + " on the peering adds connections only; add a session with PATCH on"
                            + " .../connections/" + c.connectionIdentifier + ", or remove the connection with DELETE"
                            + " .../connections/" + c.connectionIdentifier + "?confirm=yes and add a new one.");
        }
    }

    /**
     * An existing connection sent again with another MD5 key gets that key (the route server's bird adapter
     * pulls it again and re-keys the session, ADR 0014); a request without the key keeps it. A connection
     * set up without MD5 cannot get a key this way: the route server's session would change its kind.
     *
     * @return whether the key changed
     */
    public static boolean changeKey(PeeringSpec.NewConnection spec, ConnectionViewEntity c) {
        String key = spec.md5AuthenticationKey();
        if (key == null || key.equals(c.md5AuthenticationKey)) {
            return false;
        }
        if (!c.md5Configured) {
            throw ArmException.badRequest(
                    "ConnectionChangeNotAllowed",
                    "'" + spec.field() + "' sets an MD5 key on the existing connection '" + c.connectionIdentifier
                            + "', which was set up without one; remove the connection with DELETE .../connections/"
                            + c.connectionIdentifier + "?confirm=yes and add it again with its key.");
        }
        c.md5AuthenticationKey = key;
        return true;
    }

    private static boolean eq(Integer sent, int stored) {
        return sent != null && sent == stored;
    }

    private static boolean eqText(String sent, String stored) {
        return sent == null ? stored == null : sent.equalsIgnoreCase(stored);
    }
}
