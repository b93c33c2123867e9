-- Customer prefixes a provider registers under a peering (ARM registeredPrefixes). Each is validated after a
-- delay; a Verified one has a Prefix Key its customer's Peering Service prefixes (within it) are verified with.
create table registered_prefix (
    id                      varchar(36)   primary key,
    peering_id              varchar(1024) not null,
    subscription_id         varchar(64)   not null,
    resource_group          varchar(90)   not null,
    peering_name            varchar(80)   not null,
    name                    varchar(80)   not null,
    prefix                  varchar(64)   not null,
    -- issued when the prefix is first Verified; shown to the owning subscription only, found by its hash
    prefix_key              varchar(36),
    prefix_key_hash         varchar(64),
    prefix_validation_state varchar(16)   not null,
    error_message           varchar(1000),
    provisioning_state      varchar(16)   not null,
    -- when the pending validation is due; null once it is decided
    validate_at             timestamptz,
    correlation_id          varchar(128),
    traceparent             varchar(128),
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 0,
    constraint registered_prefix_name unique (peering_id, name),
    constraint registered_prefix_prefix unique (peering_id, prefix),
    constraint registered_prefix_key unique (prefix_key_hash)
);
create index registered_prefix_due on registered_prefix (validate_at) where validate_at is not null;

-- The history of each Peering Service prefix (ARM PeeringServicePrefixEvent), one row per state change. No
-- foreign key: a new prefix's first event is written in the same flush as the prefix; deleting a prefix
-- deletes its history.
create table peering_service_prefix_event (
    id                 bigserial    primary key,
    prefix_id          varchar(36)  not null,
    event_timestamp    timestamptz  not null,
    event_type         varchar(64)  not null,
    event_summary      varchar(200) not null,
    event_level        varchar(16)  not null,
    event_description  varchar(1000)
);
create index peering_service_prefix_event_prefix on peering_service_prefix_event (prefix_id, id);
