-- The transactional outbox: an event is written here in the same transaction as the state change it
-- records, and the relay moves it to Kafka afterwards, in seq order.
create table outbox_event (
    seq            bigserial primary key,
    event_id       varchar(64)   not null unique,
    topic          varchar(249)  not null,
    record_key     varchar(1024) not null,
    payload        text          not null,
    correlation_id varchar(128),
    created_at     timestamptz   not null default now()
);

-- The idempotent-consumer log: the id of each event a consumer applied, written in the same
-- transaction as the event's effect, so a redelivered event is recognised and skipped.
create table consumed_event (
    consumer   varchar(128) not null,
    event_id   varchar(64)  not null,
    applied_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
