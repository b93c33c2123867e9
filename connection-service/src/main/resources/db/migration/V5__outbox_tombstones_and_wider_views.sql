-- A compacted state topic's tombstone is an outbox row without a payload: the relay sends it as a null
-- value, and compaction then removes the resource's snapshots (ADR 0022).
alter table outbox_event alter column payload drop not null;

-- Tolerant reader (ADR 0021): the peering view keeps peering-service's provisioningState as it came, one a later
-- contract adds too; a longer name than today's must not get the event dead-lettered (TolerantReaderIT).
alter table peering_view alter column provisioning_state type varchar(64);
