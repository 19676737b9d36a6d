-- After V7 filled them: the new outbox columns and the lookup token become mandatory, the old columns go.
ALTER TABLE outbox DROP COLUMN created_at;
ALTER TABLE outbox DROP COLUMN sent_at;
ALTER TABLE outbox ALTER COLUMN created_text RENAME TO created_at;
ALTER TABLE outbox ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN epoch SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN seq SET NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_epoch_seq UNIQUE (epoch, seq);
CREATE INDEX outbox_state ON outbox (state, local_seq);
CREATE INDEX outbox_batch ON outbox (batch_id);
CREATE INDEX outbox_aggregate ON outbox (aggregate_id);
ALTER TABLE dossier ALTER COLUMN lookup_token SET NOT NULL;
