-- Projection of order.created: what an invoice bills when the order's delivery is confirmed. The
-- first order.created of an order wins; a copy (new eventId, same order) changes nothing.
create table order_projections (
    tenant_id    text          not null,
    order_id     uuid          not null,
    order_number text          not null,
    customer_id  uuid          not null,
    currency     text          not null,
    grand_total  numeric(19,2) not null,   -- as Orders announced it (may include Orders' own discount/tax)
    recorded_at  timestamptz   not null,
    primary key (tenant_id, order_id)
);

-- Unit prices are kept exactly as received (a producer may send more than two decimals); line
-- totals are rounded to cents when the invoice is drafted.
create table order_projection_lines (
    tenant_id   text    not null,
    order_id    uuid    not null,
    line_no     integer not null,
    product_id  uuid    not null,
    sku         text,
    description text    not null,
    quantity    integer not null check (quantity > 0),
    unit_price  numeric not null check (unit_price >= 0),
    primary key (tenant_id, order_id, line_no),
    foreign key (tenant_id, order_id) references order_projections (tenant_id, order_id) on delete cascade
);

-- Per-tenant invoicing settings; a tenant without a row has the defaults (0 %, 30 days, no auto-issue).
create table invoice_settings (
    tenant_id          text         primary key,
    tax_percent        numeric(7,4) not null check (tax_percent between 0 and 100),
    payment_terms_days integer      not null check (payment_terms_days between 0 and 3650),
    auto_issue         boolean      not null,
    updated_at         timestamptz  not null
);

-- One invoice per delivery note and tenant (a re-published delivery.confirmed with a new eventId
-- must not bill twice). The number is given at issue, so a DRAFT has none. The checks hold the
-- money rules even against a bug: the totals add up and nothing is ever overpaid.
create table invoices (
    id                 uuid          primary key,
    tenant_id          text          not null,
    invoice_number     text,
    status             text          not null check (status in ('DRAFT', 'ISSUED', 'PAID')),
    customer_id        uuid          not null,
    order_id           uuid          not null,
    order_number       text          not null,
    delivery_note_id   uuid          not null,
    delivery_number    text          not null,
    currency           text          not null,
    tax_percent        numeric(7,4)  not null,
    payment_terms_days integer       not null,
    subtotal           numeric(19,2) not null,
    tax_total          numeric(19,2) not null,
    grand_total        numeric(19,2) not null,
    paid_total         numeric(19,2) not null default 0,
    created_at         timestamptz   not null,
    issued_at          timestamptz,
    due_date           timestamptz,
    paid_at            timestamptz,
    constraint invoices_one_per_delivery_note unique (tenant_id, delivery_note_id),
    constraint invoices_number_unique unique (tenant_id, invoice_number),
    constraint invoices_totals_add_up check (subtotal + tax_total = grand_total),
    constraint invoices_never_overpaid check (paid_total >= 0 and paid_total <= grand_total),
    constraint invoices_number_once_issued check ((status = 'DRAFT') = (invoice_number is null))
);
create index invoices_by_tenant_status on invoices (tenant_id, status, created_at desc);
create index invoices_by_tenant_customer on invoices (tenant_id, customer_id, created_at desc);
create index invoices_by_tenant_order on invoices (tenant_id, order_id);

create table invoice_lines (
    tenant_id   text          not null,
    invoice_id  uuid          not null references invoices (id) on delete cascade,
    line_no     integer       not null,
    product_id  uuid,
    sku         text,
    description text          not null,
    quantity    numeric       not null check (quantity > 0),
    unit_price  numeric       not null check (unit_price >= 0),
    total       numeric(19,2) not null,
    primary key (invoice_id, line_no)
);

-- Every payment received, partial ones included; their sum is the invoice's paid_total.
create table payments (
    id             uuid          primary key,
    tenant_id      text          not null,
    invoice_id     uuid          not null references invoices (id) on delete cascade,
    amount         numeric(19,2) not null check (amount > 0),
    payment_method text,
    payment_date   timestamptz   not null,
    recorded_at    timestamptz   not null
);
create index payments_by_invoice on payments (tenant_id, invoice_id, recorded_at);
