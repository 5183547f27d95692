-- Accounting: a chart of accounts per tenant and a double-entry journal.
-- Every table carries tenant_id and every query filters by it. Money is numeric(19,2) in the line's currency.

-- The chart of accounts, seeded per tenant the first time the tenant is seen (by an event or an API call).
create table accounts (
    tenant_id  text        not null,
    code       text        not null,
    name       text        not null,
    type       text        not null check (type in ('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE')),
    created_at timestamptz not null,
    primary key (tenant_id, code)
);

-- One entry per business event. The business key (tenant_id, source_event_type, source_reference) makes a
-- re-published copy of an event (new eventId, same invoice or payroll run) post nothing the second time;
-- the bus's inbox already drops a redelivery of the same eventId.
create table journal_entries (
    id                uuid        primary key,
    tenant_id         text        not null,
    entry_number      text        not null,
    posted_at         timestamptz not null,
    occurred_at       timestamptz not null,
    description       text        not null,
    source_event_id   text        not null,
    source_event_type text        not null,
    source_reference  text        not null,
    source_document   text,
    unique (tenant_id, entry_number),
    unique (tenant_id, source_event_type, source_reference),
    unique (tenant_id, id)
);

create index journal_entries_posted_idx on journal_entries (tenant_id, posted_at desc);
create index journal_entries_document_idx on journal_entries (tenant_id, source_document);

-- A line is a debit or a credit of one account, never both, never zero.
create table journal_lines (
    tenant_id    text          not null,
    entry_id     uuid          not null,
    line_no      integer       not null check (line_no >= 1),
    account_code text          not null,
    debit        numeric(19,2) not null check (debit >= 0),
    credit       numeric(19,2) not null check (credit >= 0),
    currency     text          not null check (currency ~ '^[A-Z]{3}$'),
    primary key (entry_id, line_no),
    check ((debit > 0 and credit = 0) or (credit > 0 and debit = 0)),
    foreign key (tenant_id, entry_id) references journal_entries (tenant_id, id),
    foreign key (tenant_id, account_code) references accounts (tenant_id, code)
);

create index journal_lines_account_idx on journal_lines (tenant_id, account_code, currency);

-- Double entry, held by the database too: at commit (deferred, so an entry and its lines can be written by
-- separate statements of one transaction) every new entry has at least two lines and its debits equal its
-- credits in every currency. The service asks for the check right after writing each entry
-- (SET CONSTRAINTS ... IMMEDIATE), so a violation fails that event alone rather than its whole batch.
create function assert_journal_entry_balanced(entry uuid) returns void
    language plpgsql
    set search_path from current
as $$
declare
    line_count integer;
    unbalanced text;
begin
    select count(*) into line_count from journal_lines where entry_id = entry;
    if line_count < 2 then
        raise exception 'journal entry % has % line(s): a double entry needs at least two', entry, line_count
            using errcode = 'check_violation';
    end if;
    select string_agg(format('%s debits %s, credits %s', currency, debits, credits), '; ')
      into unbalanced
      from (select currency, sum(debit) as debits, sum(credit) as credits
              from journal_lines where entry_id = entry
             group by currency
            having sum(debit) <> sum(credit)) as u;
    if unbalanced is not null then
        raise exception 'journal entry % does not balance: %', entry, unbalanced
            using errcode = 'check_violation';
    end if;
end
$$;

create function journal_entry_balanced() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    if tg_table_name = 'journal_entries' then
        perform assert_journal_entry_balanced(new.id);
    else
        perform assert_journal_entry_balanced(new.entry_id);
    end if;
    return null;
end
$$;

create constraint trigger journal_entries_balanced
    after insert on journal_entries
    deferrable initially deferred
    for each row execute function journal_entry_balanced();

create constraint trigger journal_lines_balanced
    after insert on journal_lines
    deferrable initially deferred
    for each row execute function journal_entry_balanced();

-- The journal is append-only: a posted entry is corrected by another entry, never edited or removed.
create function journal_is_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'the journal is append-only: % on % refused (post a correcting entry instead)', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end
$$;

create trigger journal_entries_append_only
    before update or delete on journal_entries
    for each row execute function journal_is_append_only();

create trigger journal_lines_append_only
    before update or delete on journal_lines
    for each row execute function journal_is_append_only();
