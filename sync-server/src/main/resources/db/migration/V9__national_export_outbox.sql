-- Export toward the national public service portal (issue 11). The ingest transaction that applies an accepted event
-- to the dossier projection also adds its records here, so a record exists exactly when its event is stored. The
-- export worker (any instance) claims due rows, sends them in order per dossier and marks them sent (next_attempt_at
-- NULL); a failure only moves next_attempt_at (exponential back-off with jitter), never anything the ingest reads.
--
-- record_key names the record within its dossier: 'hoso' (DongBoHoSoMC at reception), 'tiendo-<step>'
-- (CapNhatTienDoHoSoMC of a step), 'hoso-<step>' (DongBoHoSoMC with isUpdating after a step that changes the dossier's
-- status, dates or supplements). The primary key (dossier_code, record_key) is the idempotency key the portal receives; no surrogate id,
-- so the ingest writes three index entries per record, not four.
-- ordinal orders a dossier's records: 0 for the reception, 2 × step for a step's progress, 2 × step + 1 for its update.
CREATE TABLE export_outbox (
    dossier_id       VARCHAR(36)  NOT NULL,
    dossier_code     VARCHAR(40)  NOT NULL,
    record_key       VARCHAR(24)  NOT NULL,
    ordinal          INTEGER      NOT NULL,
    event_id         VARCHAR(36)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(300),
    sent_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (dossier_code, record_key)
);
-- The worker's claim: unsent rows in order of their next attempt. A sent row's next_attempt_at is NULL, so the claim's
-- range (next_attempt_at <= now) never reads the sent rows, however many years of them the table keeps (H2 has no
-- partial index; this works on both).
CREATE INDEX export_outbox_due ON export_outbox (next_attempt_at);
-- The order check: is an earlier record of the same dossier still unsent?
CREATE INDEX export_outbox_dossier ON export_outbox (dossier_id, ordinal);
