package dev.peering.peerings.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One connection of a peering: its configuration and, from the connection topic, its states. This is the
 * peering's view of it; connection-service owns the connection itself.
 */
@Entity
@Table(name = "peering_connection")
public class ConnectionViewEntity extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "peering_id")
    public PeeringEntity peering;

    @Column(name = "connection_identifier")
    public String connectionIdentifier;

    public int position;

    @Column(name = "peering_db_facility_id")
    public int peeringDBFacilityId;

    @Column(name = "bandwidth_in_mbps")
    public int bandwidthInMbps;

    @Column(name = "provisioned_bandwidth_in_mbps")
    public int provisionedBandwidthInMbps;

    @Column(name = "session_address_provider")
    public String sessionAddressProvider;

    @Column(name = "use_for_peering_service")
    public boolean useForPeeringService;

    @Column(name = "session_prefix_v4")
    public String sessionPrefixV4;

    @Column(name = "session_prefix_v6")
    public String sessionPrefixV6;

    @Column(name = "microsoft_session_ipv4_address")
    public String microsoftSessionIPv4Address;

    @Column(name = "microsoft_session_ipv6_address")
    public String microsoftSessionIPv6Address;

    @Column(name = "peer_session_ipv4_address")
    public String peerSessionIPv4Address;

    @Column(name = "peer_session_ipv6_address")
    public String peerSessionIPv6Address;

    @Column(name = "max_prefixes_advertised_v4")
    public Integer maxPrefixesAdvertisedV4;

    @Column(name = "max_prefixes_advertised_v6")
    public Integer maxPrefixesAdvertisedV6;

    /** Write-only: stored for provisioning, never mapped to a response, an event or a log line. */
    @Column(name = "md5_authentication_key")
    public String md5AuthenticationKey;

    @Column(name = "md5_configured")
    public boolean md5Configured;

    @Column(name = "connection_state")
    public String connectionState;

    @Column(name = "session_state_v4")
    public String sessionStateV4;

    @Column(name = "session_state_v6")
    public String sessionStateV6;

    @Column(name = "error_message")
    public String errorMessage;

    /** Handed to connection-service: named in a connectionsRequested event, or learned from its events. */
    public boolean requested;

    // Keeps the key out of any toString a framework or a debugger may print.
    @Override
    public String toString() {
        return "Connection[" + connectionIdentifier + "]";
    }
}
