-- The national export's records are derived after the ingest commits, not inside it: the ingest's transaction adds one
-- row here per committed batch that stored dossier events (where it used to add one outbox row per record, each with
-- three index entries), and the export worker turns each row into its records and deletes it in one transaction of its
-- own. The row names the batch's positions in the chain store, where the derivation reads them back.
-- Rows already in export_outbox stay as they are: nothing committed before this migration needs deriving again.
CREATE TABLE export_batches (
    device_id     VARCHAR(36)  NOT NULL,
    epoch_id      VARCHAR(36)  NOT NULL,
    from_seq      BIGINT       NOT NULL,
    to_seq        BIGINT       NOT NULL,
    committed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (device_id, epoch_id, from_seq)
);
