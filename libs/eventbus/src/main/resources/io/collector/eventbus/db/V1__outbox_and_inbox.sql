-- The event bus's own tables, in the service's schema (Flyway sets the search path to it).

-- Events written in the business transaction and sent by the relay after commit.
create table outbox (
    id              bigserial primary key,
    event_id        uuid        not null,
    event_type      text        not null,
    tenant_id       text        not null,
    correlation_id  text,
    traceparent     text,
    payload         bytea       not null,
    created_at      timestamptz not null default now(),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);

create index outbox_pending_idx on outbox (next_attempt_at, id) where status = 'PENDING';
create index outbox_sent_idx on outbox (sent_at) where status = 'SENT';

-- One row per event a consumer has handled: its presence is what makes a redelivery a no-op.
create table inbox (
    consumer     text        not null,
    event_key    text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_key)
);
