-- No query uses (next_attempt_at, id) since V3: the relay's lock, the backlog counts and the admin API
-- all take outbox_pending_id_idx (EXPLAIN with 100 000 pending rows, all due or 90 % in backoff). It only
-- cost an index entry per published event: 200 000 outbox inserts took 12-20 % less time without it.
drop index if exists outbox_pending_idx;
