-- Dead-lettered messages an operator removed from a DLQ on purpose, with why and who: the DLQ
-- message is acked only after its row here committed, so nothing leaves a DLQ without a trace.
create table dead_letter_discards (
    id             bigserial primary key,
    queue          text        not null,
    message_id     text        not null,
    event_type     text,
    tenant_id      text,
    correlation_id text,
    headers        jsonb       not null,
    body           bytea       not null,
    reason         text        not null,
    actor          text        not null,
    discarded_at   timestamptz not null default now()
);

create index dead_letter_discards_at_idx on dead_letter_discards (discarded_at desc);
