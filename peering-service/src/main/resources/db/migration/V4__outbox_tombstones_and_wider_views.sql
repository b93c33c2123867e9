-- A compacted state topic's tombstone is an outbox row without a payload: the relay sends it as a null
-- value, and compaction then removes the resource's snapshots (ADR 0022).
alter table outbox_event alter column payload drop not null;

-- Tolerant reader (ADR 0021): the views keep an enum value of the owner's events as it came, one a later
-- contract adds too; a longer name than today's must not get the event dead-lettered (TolerantReaderIT).
alter table peer_asn_view alter column validation_state type varchar(64);
alter table peering_connection alter column connection_state type varchar(64),
    alter column session_state_v4 type varchar(64),
    alter column session_state_v6 type varchar(64),
    alter column session_address_provider type varchar(64);
