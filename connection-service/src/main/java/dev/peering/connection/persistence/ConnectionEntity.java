package dev.peering.connection.persistence;

import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.SessionState;
import dev.peering.platform.persistence.ResourceEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One connection of a peering and its provisioning state machine; the common columns come from {@link ResourceEntity}. */
@Entity
@Table(name = "peering_connection")
public class ConnectionEntity extends ResourceEntity {

    @Column(name = "peering_id")
    public String peeringId;

    @Column(name = "connection_identifier")
    public String connectionIdentifier;

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

    @Column(name = "md5_configured")
    public boolean md5Configured;

    @Enumerated(EnumType.STRING)
    @Column(name = "connection_state")
    public ConnectionState connectionState;

    @Enumerated(EnumType.STRING)
    @Column(name = "blocked_state")
    public ConnectionState blockedState;

    @Enumerated(EnumType.STRING)
    @Column(name = "session_state_v4")
    public SessionState sessionStateV4;

    @Enumerated(EnumType.STRING)
    @Column(name = "session_state_v6")
    public SessionState sessionStateV6;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "last_failure_time_utc")
    public OffsetDateTime lastFailureTimeUtc;

    public boolean decommissioning;

    @Column(name = "next_step_at")
    public OffsetDateTime nextStepAt;

    /** The connection's ARM id, the subject of its events. */
    public String resourceId() {
        return peeringId + "/connections/" + connectionIdentifier;
    }

    public boolean hasV4() {
        return peerSessionIPv4Address != null || microsoftSessionIPv4Address != null || sessionPrefixV4 != null;
    }

    public boolean hasV6() {
        return peerSessionIPv6Address != null || microsoftSessionIPv6Address != null || sessionPrefixV6 != null;
    }
}
