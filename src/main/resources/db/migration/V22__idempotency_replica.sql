-- The replica whose attempt holds an idempotency key. When that replica has stopped beating (killed, its node
-- lost), a retry takes the key over at once instead of waiting out steward.idempotency.in-flight-timeout.
alter table idempotency_key add column replica varchar(100);
