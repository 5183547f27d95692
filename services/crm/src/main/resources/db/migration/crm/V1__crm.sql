-- CRM: customers, their addresses, and one row per invoice of a customer projected from invoice.issued and
-- invoice.paid (whichever arrives first creates it, the other completes it). Every table carries tenant_id and
-- every query filters by it. Amounts numeric(19,2).

-- A customer. known = false: a placeholder created because an invoice event named a customer id CRM had never
-- seen (created elsewhere, or before CRM existed); it has no name or contact data until someone supplies them.
-- The key includes the tenant: the same id arriving in another tenant's events is another (placeholder) row.
create table customers (
    tenant_id  text        not null,
    id         uuid        not null,
    name       text,
    email      text,
    phone      text,
    known      boolean     not null,
    created_at timestamptz not null,
    primary key (tenant_id, id),
    check (known = (name is not null))
);

create index customers_name_idx on customers (tenant_id, lower(name));

create table customer_addresses (
    id          uuid    primary key,
    tenant_id   text    not null,
    customer_id uuid    not null,
    position    integer not null,
    label       text,
    line1       text    not null,
    line2       text,
    postal_code text    not null,
    city        text    not null,
    country     text    not null check (country ~ '^[A-Z]{2}$'),
    unique (tenant_id, customer_id, position),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);

-- One invoice of a customer: the issued side (invoice.issued: grand total, due date) and the paid side
-- (invoice.paid: amount, method, date), each null until its event arrived. The key (tenant_id, invoice_id) is the
-- business key that makes a re-published copy of either event (new eventId) a no-op: an invoice is paid once.
-- outstanding = issued_amount - coalesce(paid_amount, 0) where issued_amount is known; lifetime value = sum of paid.
create table customer_invoices (
    tenant_id      text          not null,
    invoice_id     uuid          not null,
    customer_id    uuid          not null,
    invoice_number text          not null,
    currency       text          not null check (currency ~ '^[A-Z]{3}$'),
    issued_amount  numeric(19,2) check (issued_amount >= 0),
    due_date       timestamptz,
    issued_at      timestamptz,
    paid_amount    numeric(19,2) check (paid_amount >= 0),
    payment_method text,
    payment_date   timestamptz,
    paid_at        timestamptz,
    primary key (tenant_id, invoice_id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id),
    check (issued_amount is not null or paid_amount is not null),
    check ((issued_amount is null) = (issued_at is null)),
    check ((paid_amount is null) = (payment_date is null) and (paid_amount is null) = (paid_at is null))
);

create index customer_invoices_customer_idx on customer_invoices (tenant_id, customer_id);
