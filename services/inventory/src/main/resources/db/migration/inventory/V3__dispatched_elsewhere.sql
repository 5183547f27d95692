-- What an order wanted from one warehouse but shipped from another: the delivery's dispatch covers that
-- demand, so the reservation stops holding stock for goods that already left (see StockManagement.dispatch).
alter table reservations
    add column dispatched_elsewhere integer not null default 0 check (dispatched_elsewhere >= 0);
