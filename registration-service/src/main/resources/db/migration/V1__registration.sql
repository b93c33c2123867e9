-- This service's own view of the peerings, kept from peering events: which exist, and whether they are live.
create table peering_view (
    peering_id      varchar(1024) primary key,
    subscription_id varchar(64)   not null,
    resource_group  varchar(90)   not null,
    name            varchar(80)   not null,
    -- Live, Failed or Deprovisioning
    state           varchar(16)   not null
);
create unique index peering_view_name on peering_view (subscription_id, resource_group, name);

-- The connections of each peering and their connectionState, kept from connection events. No foreign key:
-- the two topics are not ordered with each other, so a connection may be known before its peering.
create table connection_view (
    peering_id            varchar(1024) not null,
    connection_identifier varchar(128)  not null,
    connection_state      varchar(32)   not null,
    primary key (peering_id, connection_identifier)
);

-- Customer ASNs registered under a peering, each with its Prefix Key.
create table registered_asn (
    id                 varchar(36)   primary key,
    peering_id         varchar(1024) not null,
    subscription_id    varchar(64)   not null,
    resource_group     varchar(90)   not null,
    peering_name       varchar(80)   not null,
    name               varchar(80)   not null,
    asn                bigint        not null,
    -- shown to the owning subscription on GET; customers' prefixes find it by its hash
    prefix_key         varchar(36)   not null,
    prefix_key_hash    varchar(64)   not null,
    provisioning_state varchar(16)   not null,
    correlation_id     varchar(128),
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0,
    constraint registered_asn_name unique (peering_id, name),
    constraint registered_asn_number unique (peering_id, asn),
    constraint registered_asn_key unique (prefix_key_hash)
);

-- The customer's Peering Services, enough of them to hold prefixes.
create table peering_service (
    id                       varchar(36)  primary key,
    subscription_id          varchar(64)  not null,
    resource_group           varchar(90)  not null,
    name                     varchar(80)  not null,
    location                 varchar(64)  not null,
    peering_service_location varchar(100),
    peering_service_provider varchar(100) not null,
    provisioning_state       varchar(16)  not null,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null default 0,
    constraint peering_service_name unique (subscription_id, resource_group, name)
);

create table peering_service_prefix (
    id                      varchar(36)  primary key,
    peering_service_id      varchar(36)  not null references peering_service (id),
    subscription_id         varchar(64)  not null,
    resource_group          varchar(90)  not null,
    peering_service_name    varchar(80)  not null,
    name                    varchar(80)  not null,
    prefix                  varchar(64)  not null,
    -- the key as the customer sent it (returned to that customer only) and its hash, to find the registered ASN
    prefix_key              varchar(36)  not null,
    prefix_key_hash         varchar(64)  not null,
    prefix_validation_state varchar(16)  not null,
    learned_type            varchar(32)  not null,
    error_message           varchar(500),
    provisioning_state      varchar(16)  not null,
    -- when the pending validation is due; null once it is decided
    validate_at             timestamptz,
    correlation_id          varchar(128),
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null default 0,
    constraint peering_service_prefix_name unique (peering_service_id, name),
    constraint peering_service_prefix_prefix unique (peering_service_id, prefix)
);
create index peering_service_prefix_key on peering_service_prefix (prefix_key_hash);
create index peering_service_prefix_due on peering_service_prefix (validate_at) where validate_at is not null;
