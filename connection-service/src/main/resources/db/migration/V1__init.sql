-- This service's view of the peerings, kept from peering events: the sub-resource paths need to know
-- that a peering exists and where it is.
create table peering_view (
    peering_id         varchar(1024) primary key,
    subscription_id    varchar(64)   not null,
    resource_group     varchar(90)   not null,
    name               varchar(80)   not null,
    peering_location   varchar(200),
    provisioning_state varchar(32),
    constraint peering_view_name unique (subscription_id, resource_group, name)
);

-- One connection of a peering and its provisioning state machine.
create table peering_connection (
    id                              varchar(36)   primary key,
    peering_id                      varchar(1024) not null,
    subscription_id                 varchar(64)   not null,
    connection_identifier           varchar(80)   not null,
    peering_db_facility_id          integer       not null,
    bandwidth_in_mbps               integer       not null,
    provisioned_bandwidth_in_mbps   integer       not null default 0,
    session_address_provider        varchar(16)   not null,
    use_for_peering_service         boolean       not null,
    session_prefix_v4               varchar(64),
    session_prefix_v6               varchar(64),
    microsoft_session_ipv4_address  varchar(64),
    microsoft_session_ipv6_address  varchar(64),
    peer_session_ipv4_address       varchar(64),
    peer_session_ipv6_address       varchar(64),
    max_prefixes_advertised_v4      integer,
    max_prefixes_advertised_v6      integer,
    -- only whether a key was given: the key itself is never stored, logged or published here
    md5_configured                  boolean       not null default false,
    connection_state                varchar(32)   not null,
    -- the state an ExternalBlocker returns to (previousConnectionProvisioningState)
    blocked_state                   varchar(32),
    session_state_v4                varchar(16)   not null,
    session_state_v6                varchar(16)   not null,
    error_message                   varchar(1000),
    last_failure_time_utc           timestamptz,
    -- set once removal was confirmed: the next step decommissions the connection
    decommissioning                 boolean       not null default false,
    -- the provisioner's schedule: when the next simulated step is due; null when nothing is automatic
    next_step_at                    timestamptz,
    correlation_id                  varchar(128),
    created_at                      timestamptz   not null,
    updated_at                      timestamptz   not null,
    version                         bigint        not null default 0,
    constraint peering_connection_identifier unique (peering_id, connection_identifier)
);
create index peering_connection_due on peering_connection (next_step_at) where next_step_at is not null;
create index peering_connection_facility on peering_connection (peering_db_facility_id);
