-- The relay locks due rows in id order; without this the primary key is walked past every sent row
-- still retained (a week of traffic) on each batch. Measured: 55-71 ms per batch with 50 000 sent
-- rows, 0.26 ms with this index (bench/README.md, Findings).
create index outbox_pending_id_idx on outbox (id) where status = 'PENDING';
