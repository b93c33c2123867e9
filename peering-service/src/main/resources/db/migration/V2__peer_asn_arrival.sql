-- Read-your-writes across services (issue #12, ADR 0009). A peering's PUT may name a PeerAsn whose event has
-- not arrived yet: the peering is created waiting on it, until this time at the latest. The arrival
-- scheduler claims due rows (for update skip locked) and fails them; the PeerAsn's first event clears it.
alter table peering add column peer_asn_arrival_due_at timestamptz;
create index peering_peer_asn_arrival_due on peering (peer_asn_arrival_due_at)
    where peer_asn_arrival_due_at is not null;

-- Waiting peerings are found by their PeerAsn id in any case (ARM ids compare case-insensitively): a peering
-- created before its PeerAsn was known keeps the id as sent until the PeerAsn's event gives its spelling.
drop index peering_waiting;
create index peering_waiting on peering (lower(peer_asn_id)) where waiting_on_peer_asn;

-- peer_asn_view may now hold placeholder rows (validation_state 'NotYetKnown', peer_asn 0): the row a
-- creation inserts for a PeerAsn not known yet, so that the creation and the PeerAsn's first event lock
-- the same row. The event overwrites it; a placeholder no peering waits on is swept after the timeout.
create index peer_asn_view_placeholder on peer_asn_view (updated_at) where validation_state = 'NotYetKnown';
