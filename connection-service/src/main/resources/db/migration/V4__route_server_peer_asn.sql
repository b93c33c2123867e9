-- The route server (ADR 0014): a session's peer ASN, from the peering events (the PeerAsn's number, which
-- peering-service adds once it knows it). Null for a peering whose events did not say it yet.
alter table peering_view add column peer_asn bigint;
