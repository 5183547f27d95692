-- Offers (quotes) and their lines. Totals are computed by the service and stored for listing and reporting.
create table offers (
    id               uuid primary key,
    tenant_id        text          not null,
    number           text          not null,
    customer_id      uuid          not null,
    currency         char(3)       not null,
    valid_until      timestamptz   not null,
    -- DRAFT, OPEN, APPROVED or REJECTED; EXPIRED is never stored, it is derived from valid_until.
    status           text          not null,
    subtotal         numeric(19,2) not null,
    discount_total   numeric(19,2) not null,
    tax_total        numeric(19,2) not null,
    grand_total      numeric(19,2) not null,
    created_at       timestamptz   not null,
    decided_at       timestamptz,
    rejection_reason text,
    constraint offers_number_unique unique (tenant_id, number)
);

create index offers_by_tenant_status on offers (tenant_id, status, created_at desc);

create table offer_lines (
    offer_id         uuid          not null references offers (id) on delete cascade,
    tenant_id        text          not null,
    position         int           not null,
    product_id       uuid,
    description      text          not null,
    quantity         numeric(19,4) not null check (quantity > 0),
    unit_price       numeric(19,2) not null check (unit_price >= 0),
    discount_percent numeric(5,2) check (discount_percent between 0 and 100),
    tax_percent      numeric(5,2) check (tax_percent between 0 and 100),
    primary key (offer_id, position)
);

create index offer_lines_by_tenant on offer_lines (tenant_id, offer_id);
