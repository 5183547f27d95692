-- order.created looks up what was already dispatched for the order (delivery.dispatched handled first,
-- e.g. the order.created was being retried or replayed from the DLQ), so that it reserves only the rest.
create index dispatch_lines_order_idx on dispatch_lines (tenant_id, order_id, product_id, warehouse_id);
