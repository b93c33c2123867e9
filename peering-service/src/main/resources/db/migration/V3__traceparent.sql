-- Tracing (ADR 0015): the W3C traceparent of the span that wrote each outbox event, sent as the record's
-- traceparent header, and of the request (or event) that caused a resource's pending work, so a step
-- taken later continues that trace. Nullable: rows written before, or without a span, have none.
alter table outbox_event add column traceparent varchar(128);
alter table peering add column traceparent varchar(128);
