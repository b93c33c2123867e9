-- This service's view of PeerAsns, kept from the peer-ASN topic (asn-validation-service owns them).
create table peer_asn_view (
    peer_asn_id        varchar(400) primary key,
    -- ARM ids compare case-insensitively; lookups go through this column
    peer_asn_id_lower  varchar(400) not null unique,
    subscription_id    varchar(64)  not null,
    name               varchar(80)  not null,
    peer_asn           bigint       not null,
    validation_state   varchar(16)  not null,
    error_message      varchar(500),
    updated_at         timestamptz  not null
);

-- Subscriptions the peering operator gave a Peering Service agreement (useForPeeringService may be true).
create table peering_service_agreement (
    subscription_id  varchar(64) primary key,
    granted_at       timestamptz not null,
    correlation_id   varchar(128)
);

create table peering (
    id                  varchar(36)   primary key,
    resource_id         varchar(400)  not null unique,
    subscription_id     varchar(64)   not null,
    resource_group      varchar(90)   not null,
    name                varchar(80)   not null,
    kind                varchar(16)   not null,
    sku_name            varchar(40)   not null,
    location            varchar(64)   not null,
    direct_peering_type varchar(16)   not null,
    peer_asn_id         varchar(400)  not null,
    peering_location    varchar(64)   not null,
    tags                text          not null,
    provisioning_state  varchar(16)   not null,
    error_message       varchar(1000),
    -- true while the connections wait on the PeerAsn's approval (not yet handed to provisioning)
    waiting_on_peer_asn boolean       not null,
    -- the request that created it, carried into the events its PeerAsn's decision causes later
    correlation_id      varchar(128),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0,
    constraint peering_name unique (subscription_id, resource_group, name)
);
create index peering_waiting on peering (peer_asn_id) where waiting_on_peer_asn;
create index peering_by_subscription on peering (subscription_id, resource_id);

-- The peering's connections: their configuration (with the write-only MD5 key) and, as the connection
-- topic reports them, their states (the read model).
create table peering_connection (
    id                              varchar(36)  primary key,
    peering_id                      varchar(36)  not null references peering (id) on delete cascade,
    connection_identifier           varchar(80)  not null,
    position                        int          not null,
    peering_db_facility_id          int          not null,
    bandwidth_in_mbps               int          not null,
    provisioned_bandwidth_in_mbps   int          not null,
    session_address_provider        varchar(16)  not null,
    use_for_peering_service         boolean      not null,
    session_prefix_v4               varchar(64),
    session_prefix_v6               varchar(64),
    microsoft_session_ipv4_address  varchar(64),
    microsoft_session_ipv6_address  varchar(64),
    peer_session_ipv4_address       varchar(64),
    peer_session_ipv6_address       varchar(64),
    max_prefixes_advertised_v4      int,
    max_prefixes_advertised_v6      int,
    -- write-only: never returned, never in an event or a log line
    md5_authentication_key          varchar(80),
    md5_configured                  boolean      not null,
    connection_state                varchar(32)  not null,
    session_state_v4                varchar(16)  not null,
    session_state_v6                varchar(16)  not null,
    error_message                   varchar(1000),
    -- handed to connection-service (in a connectionsRequested event, or learned from its events)
    requested                       boolean      not null,
    constraint peering_connection_identifier unique (peering_id, connection_identifier)
);
