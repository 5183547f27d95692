-- Suppliers and the products each supplies (stock.low looks the product's supplier up here).
create table suppliers (
    id             uuid        primary key,
    tenant_id      text        not null,
    name           text        not null,
    email          text,
    lead_time_days integer     check (lead_time_days >= 0),
    created_at     timestamptz not null
);
create index suppliers_by_tenant on suppliers (tenant_id, created_at);

create table supplier_products (
    tenant_id   text not null,
    supplier_id uuid not null references suppliers (id) on delete cascade,
    product_id  uuid not null,
    primary key (supplier_id, product_id)
);
create index supplier_products_by_product on supplier_products (tenant_id, product_id);

create table purchase_orders (
    id           uuid        primary key,
    tenant_id    text        not null,
    po_number    text        not null,
    supplier_id  uuid        references suppliers (id),
    status       text        not null check (status in ('DRAFT', 'APPROVED', 'RECEIVED', 'CANCELLED')),
    created_at   timestamptz not null,
    approved_at  timestamptz,
    received_at  timestamptz,
    cancelled_at timestamptz,
    constraint purchase_orders_number_unique unique (tenant_id, po_number)
);
create index purchase_orders_by_tenant_status on purchase_orders (tenant_id, status, created_at desc);
-- One DRAFT purchase order per tenant and supplier (or per tenant without supplier): new lines
-- gather on it until someone approves it.
create unique index purchase_orders_one_draft_per_supplier
    on purchase_orders (tenant_id, coalesce(supplier_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where status = 'DRAFT';

-- "open" mirrors the order's status (DRAFT or APPROVED) and is cleared in the transaction that
-- receives or cancels the order; it exists so that the partial unique index below can say
-- "at most one open line per product and warehouse per tenant".
create table purchase_order_lines (
    id                uuid        primary key,
    tenant_id         text        not null,
    purchase_order_id uuid        not null references purchase_orders (id) on delete cascade,
    line_no           integer     not null,
    product_id        uuid        not null,
    product_name      text        not null,
    sku               text        not null,
    warehouse_id      uuid        not null,
    warehouse_name    text        not null,
    quantity          integer     not null check (quantity > 0),
    open              boolean     not null default true,
    created_at        timestamptz not null,
    constraint purchase_order_lines_line_no_unique unique (purchase_order_id, line_no)
);
create unique index purchase_order_lines_one_open_per_product_and_warehouse
    on purchase_order_lines (tenant_id, product_id, warehouse_id)
    where open;
