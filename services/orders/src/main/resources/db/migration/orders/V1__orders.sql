-- Orders, created from approved offers (offer_id set) or placed directly (offer_id null).
create table orders (
    id                  uuid primary key,
    tenant_id           text          not null,
    number              text          not null,
    customer_id         uuid          not null,
    offer_id            uuid,
    currency            char(3)       not null,
    -- PENDING, CONFIRMED or CANCELLED
    status              text          not null,
    shipping_address_id uuid,
    grand_total         numeric(19,2) not null,
    created_at          timestamptz   not null,
    confirmed_at        timestamptz,
    cancelled_at        timestamptz,
    constraint orders_number_unique unique (tenant_id, number),
    -- One order per approved offer, even if offer.approved arrives again under a new eventId.
    constraint orders_one_per_offer unique (tenant_id, offer_id)
);

create index orders_by_tenant_status on orders (tenant_id, status, created_at desc);

-- Quantities and percentages are kept exactly as they arrived (offers may carry any decimals);
-- prices are money in cents.
create table order_lines (
    order_id         uuid          not null references orders (id) on delete cascade,
    tenant_id        text          not null,
    position         int           not null,
    product_id       uuid,
    sku              text,
    description      text          not null,
    quantity         numeric       not null check (quantity > 0),
    unit             text          not null,
    unit_price       numeric(19,2) not null check (unit_price >= 0),
    discount_percent numeric check (discount_percent between 0 and 100),
    tax_percent      numeric check (tax_percent between 0 and 100),
    warehouse_id     uuid,
    primary key (order_id, position)
);

create index order_lines_by_tenant on order_lines (tenant_id, order_id);
