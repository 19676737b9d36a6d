-- A replacement PC's restore from the province: the events of its unit's dossiers as the province stored them,
-- byte for byte. They are history this desk did not write: they are not in the outbox (never sent again) and not in
-- its chain; where each came from (device, epoch, seq) is kept so the province's copy can be found again.
CREATE TABLE restored_event (
    event_id         UUID          NOT NULL PRIMARY KEY,
    aggregate_id     UUID          NOT NULL,
    origin_device_id UUID          NOT NULL,
    origin_epoch     UUID          NOT NULL,
    origin_seq       BIGINT        NOT NULL,
    event_type       VARCHAR(64)   NOT NULL,
    created_at       VARCHAR(40)   NOT NULL,
    blobs            VARCHAR(65000) NOT NULL,
    payload          VARBINARY(1000000) NOT NULL,
    payload_hash     CHAR(64)      NOT NULL,
    received_at      VARCHAR(40)   NOT NULL,
    -- the dossier this event was rebuilt into; FALSE when the desk could not (a procedure version it does not hold)
    applied          BOOLEAN       NOT NULL,
    restored_at      TIMESTAMP     NOT NULL
);
CREATE INDEX restored_event_aggregate ON restored_event (aggregate_id);

-- The citizen's lookup token never travels (only its hash), so a dossier restored from the province has none; its
-- receipt is reprinted without the lookup QR token.
ALTER TABLE dossier ALTER COLUMN lookup_token SET NULL;
