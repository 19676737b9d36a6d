-- The sync part counts the events the province rejected every time it shows its status: without an index that
-- count read the whole outbox (every event the desk ever wrote). Nearly all events are accepted, so the rejected
-- ones are a short range of this index.
CREATE INDEX outbox_result ON outbox (result_status);
