-- Inventory: products, warehouses, stock per product and warehouse, and the movements that change it.
-- Every table carries tenant_id and every query filters by it. Quantities are whole units (integer).

create table products (
    id                uuid        primary key,
    tenant_id         text        not null,
    sku               text        not null,
    name              text        not null,
    unit              text        not null,
    minimum_threshold integer     not null check (minimum_threshold >= 0),
    reorder_level     integer     not null check (reorder_level >= 0),
    created_at        timestamptz not null,
    unique (tenant_id, sku),
    unique (tenant_id, id)
);

create table warehouses (
    id         uuid        primary key,
    tenant_id  text        not null,
    name       text        not null,
    is_default boolean     not null,
    created_at timestamptz not null,
    unique (tenant_id, name),
    unique (tenant_id, id)
);

-- At most one default warehouse per tenant.
create unique index warehouses_one_default_per_tenant on warehouses (tenant_id) where is_default;

-- One row per product and warehouse that ever moved. Invariant: 0 <= reserved <= on_hand, so neither
-- on hand nor available (on_hand - reserved) is ever negative. low_notified: stock.low was published
-- for the current stay below the reorder level (cleared when available is back at or above it).
create table stock (
    tenant_id    text        not null,
    product_id   uuid        not null,
    warehouse_id uuid        not null,
    on_hand      integer     not null check (on_hand >= 0),
    reserved     integer     not null check (reserved >= 0 and reserved <= on_hand),
    low_notified boolean     not null default false,
    updated_at   timestamptz not null,
    primary key (tenant_id, product_id, warehouse_id),
    foreign key (tenant_id, product_id) references products (tenant_id, id),
    foreign key (tenant_id, warehouse_id) references warehouses (tenant_id, id)
);

create table goods_receipts (
    id           uuid        primary key,
    tenant_id    text        not null,
    product_id   uuid        not null,
    warehouse_id uuid        not null,
    quantity     integer     not null check (quantity > 0),
    reference    text,
    received_by  text        not null,
    received_at  timestamptz not null,
    foreign key (tenant_id, product_id) references products (tenant_id, id),
    foreign key (tenant_id, warehouse_id) references warehouses (tenant_id, id)
);

create index goods_receipts_product_idx on goods_receipts (tenant_id, product_id);

-- Orders whose order.created was applied: the business key that makes a re-published copy (new eventId) a no-op.
create table reserved_orders (
    tenant_id    text        not null,
    order_id     uuid        not null,
    order_number text        not null,
    reserved_at  timestamptz not null,
    primary key (tenant_id, order_id)
);

-- What each order holds per product and warehouse (its lines for the same product and warehouse added up).
-- quantity = ordered; reserved = held now out of on hand; shortfall = ordered but not available when reserving;
-- dispatched = shipped so far. Open demand = reserved + shortfall.
create table reservations (
    id           uuid        primary key,
    tenant_id    text        not null,
    order_id     uuid        not null,
    product_id   uuid        not null,
    warehouse_id uuid        not null,
    quantity     integer     not null check (quantity > 0),
    reserved     integer     not null check (reserved >= 0),
    shortfall    integer     not null check (shortfall >= 0),
    dispatched   integer     not null default 0 check (dispatched >= 0),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    unique (tenant_id, order_id, product_id, warehouse_id),
    foreign key (tenant_id, order_id) references reserved_orders (tenant_id, order_id),
    foreign key (tenant_id, product_id, warehouse_id) references stock (tenant_id, product_id, warehouse_id)
);

create index reservations_stock_idx on reservations (tenant_id, product_id, warehouse_id);

-- Deliveries whose delivery.dispatched was applied: a re-published copy (new eventId) is a no-op.
create table dispatched_deliveries (
    tenant_id        text        not null,
    delivery_note_id uuid        not null,
    delivery_number  text        not null,
    order_id         uuid        not null,
    dispatched_at    timestamptz not null,
    primary key (tenant_id, delivery_note_id)
);

-- Each dispatched product and warehouse: deducted from on hand, released from the order's reservation,
-- and missing = dispatched beyond what was on hand (a discrepancy: on hand never goes negative).
create table dispatch_lines (
    id               uuid        primary key,
    tenant_id        text        not null,
    delivery_note_id uuid        not null,
    order_id         uuid        not null,
    product_id       uuid        not null,
    warehouse_id     uuid        not null,
    quantity         integer     not null check (quantity > 0),
    deducted         integer     not null check (deducted >= 0),
    released         integer     not null check (released >= 0),
    missing          integer     not null check (missing >= 0),
    recorded_at      timestamptz not null,
    foreign key (tenant_id, delivery_note_id) references dispatched_deliveries (tenant_id, delivery_note_id)
);

create index dispatch_lines_discrepancies_idx on dispatch_lines (tenant_id, recorded_at) where missing > 0;
