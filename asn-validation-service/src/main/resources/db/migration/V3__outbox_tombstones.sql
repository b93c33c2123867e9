-- A compacted state topic's tombstone is an outbox row without a payload: the relay sends it as a null
-- value, and compaction then removes the resource's snapshots (ADR 0022).
alter table outbox_event alter column payload drop not null;
