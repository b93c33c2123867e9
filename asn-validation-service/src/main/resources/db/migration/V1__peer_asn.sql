create table peer_asn (
    id                 varchar(36)  primary key,
    subscription_id    varchar(64)  not null,
    name               varchar(80)  not null,
    peer_asn           bigint       not null,
    peer_name          varchar(100) not null,
    contacts           text         not null,
    validation_state   varchar(16)  not null,
    error_message      varchar(500),
    -- when the pending validation is decided; null once it is
    decide_at          timestamptz,
    -- the request that created it, carried into the events of its later decision
    correlation_id     varchar(128),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    constraint peer_asn_name unique (subscription_id, name),
    constraint peer_asn_number unique (subscription_id, peer_asn)
);
create index peer_asn_due on peer_asn (decide_at) where decide_at is not null;

-- Which PeerAsns live peerings use, as peering events report it (this service's own view).
create table peering_usage (
    peering_id   varchar(1024) primary key,
    peer_asn_id  varchar(1024) not null
);
create index peering_usage_peer_asn on peering_usage (peer_asn_id);
