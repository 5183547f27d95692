-- Delivery notes: one per confirmed order and tenant (a re-published order.confirmed with a new
-- eventId must not create a second one, hence the unique (tenant_id, order_id)).
create table delivery_notes (
    id                    uuid        primary key,
    tenant_id             text        not null,
    delivery_number       text        not null,
    order_id              uuid        not null,
    order_number          text        not null,
    customer_id           uuid        not null,
    shipping_address_id   uuid        not null,
    status                text        not null check (status in ('CREATED', 'DISPATCHED', 'DELIVERED')),
    carrier_id            uuid,
    tracking_number       text,
    proof_of_delivery_url text,
    created_at            timestamptz not null,
    dispatched_at         timestamptz,
    delivered_at          timestamptz,
    constraint delivery_notes_one_per_order unique (tenant_id, order_id),
    constraint delivery_notes_number_unique unique (tenant_id, delivery_number)
);
create index delivery_notes_by_tenant_status on delivery_notes (tenant_id, status, created_at desc);

-- The goods of a note, from order.confirmed's lineItems.
create table delivery_note_items (
    tenant_id        text    not null,
    delivery_note_id uuid    not null references delivery_notes (id) on delete cascade,
    line_no          integer not null,
    product_id       uuid    not null,
    description      text    not null,
    quantity         integer not null check (quantity > 0),
    unit             text    not null,
    primary key (delivery_note_id, line_no)
);

-- What left which warehouse, fixed at dispatch (the items of delivery.dispatched).
create table dispatched_items (
    tenant_id        text    not null,
    delivery_note_id uuid    not null references delivery_notes (id) on delete cascade,
    position         integer not null,
    product_id       uuid    not null,
    quantity         integer not null check (quantity > 0),
    warehouse_id     uuid    not null,
    primary key (delivery_note_id, position)
);

-- Projection of order.created: the order's lines and the warehouse each ships from. It is read at
-- dispatch time, so order.created and order.confirmed may arrive in either order. The first
-- order.created of an order wins; a copy (new eventId, same order) changes nothing.
create table order_projections (
    tenant_id    text        not null,
    order_id     uuid        not null,
    order_number text        not null,
    recorded_at  timestamptz not null,
    primary key (tenant_id, order_id)
);

create table order_projection_lines (
    tenant_id    text    not null,
    order_id     uuid    not null,
    line_no      integer not null,
    product_id   uuid    not null,
    quantity     integer not null,
    warehouse_id uuid,
    primary key (tenant_id, order_id, line_no),
    foreign key (tenant_id, order_id) references order_projections (tenant_id, order_id) on delete cascade
);
