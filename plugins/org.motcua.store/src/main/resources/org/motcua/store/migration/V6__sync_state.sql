-- Sync, part 1 (shared/protocol.md §4, §8.1): the outbox reshaped into the contract's event chain, the state of
-- sending (frozen batches, epochs, receipts), the device's enrolment, the feed cursor and USB transfers. V7 (Java)
-- fills the new outbox columns and the dossiers' lookup tokens; V8 makes them mandatory.

-- The citizen's lookup token, printed on the receipt: random for new dossiers, stored; only its SHA-256 travels.
ALTER TABLE dossier ADD COLUMN lookup_token CHAR(8);

-- The outbox as the contract's chain: (epoch, seq) is the event's place in its chain; local_seq the order in which
-- this desk wrote the events, which never changes (re-chaining into a new epoch keeps it).
ALTER TABLE outbox ALTER COLUMN device_seq RENAME TO local_seq;
ALTER TABLE outbox ALTER COLUMN event_type SET DATA TYPE VARCHAR(64);
ALTER TABLE outbox ADD COLUMN epoch UUID;
ALTER TABLE outbox ADD COLUMN seq BIGINT;
-- the exact RFC 3339 text that is hashed (the link covers it byte for byte)
ALTER TABLE outbox ADD COLUMN created_text VARCHAR(40);
-- the envelope's blob hashes, sorted, comma-separated ('' for none)
ALTER TABLE outbox ADD COLUMN blobs VARCHAR(65000) DEFAULT '' NOT NULL;
-- PENDING, FROZEN (in a frozen batch) or ACKED (a verified receipt covers it)
ALTER TABLE outbox ADD COLUMN state VARCHAR(8) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE outbox ADD COLUMN batch_id UUID;
-- the server's outcome (receipt result): accepted, duplicate or rejected, with reason, warnings, original
ALTER TABLE outbox ADD COLUMN result_status VARCHAR(10);
ALTER TABLE outbox ADD COLUMN result_reason VARCHAR(200);
ALTER TABLE outbox ADD COLUMN result_warnings VARCHAR(2000);
ALTER TABLE outbox ADD COLUMN result_original VARCHAR(400);

-- The device's chains (§4.3): exactly one is current. acked_* is the server's tail as the last verified receipt
-- for this epoch showed it.
CREATE TABLE sync_epoch (
    epoch       UUID         NOT NULL PRIMARY KEY,
    opened_at   TIMESTAMP    NOT NULL,
    is_current  BOOLEAN      NOT NULL,
    reason      VARCHAR(40)  NOT NULL,
    acked_seq   BIGINT       DEFAULT 0 NOT NULL,
    acked_hash  CHAR(64)     DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL
);

-- Frozen batches (§8.1): the bytes and signature are written once and never changed; retries send them again.
CREATE TABLE sync_batch (
    batch_id          UUID          NOT NULL PRIMARY KEY,
    epoch             UUID          NOT NULL,
    from_seq          BIGINT        NOT NULL,
    to_seq            BIGINT        NOT NULL,
    body              VARBINARY(2000000) NOT NULL,
    body_sha256       CHAR(64)      NOT NULL,
    wire_bytes        INT           NOT NULL,
    signature         VARBINARY(8000) NOT NULL,
    signer_serial     VARCHAR(80)   NOT NULL,
    -- FROZEN, ACKED or ABANDONED
    state             VARCHAR(10)   NOT NULL,
    frozen_at         TIMESTAMP     NOT NULL,
    exported          BOOLEAN       DEFAULT FALSE NOT NULL,
    attempts          INT           DEFAULT 0 NOT NULL,
    last_attempt_at   TIMESTAMP,
    last_problem      VARCHAR(200),
    receipt           VARBINARY(2000000),
    receipt_signature VARBINARY(8000),
    acked_at          TIMESTAMP,
    abandoned_at      TIMESTAMP,
    FOREIGN KEY (epoch) REFERENCES sync_epoch (epoch)
);
CREATE INDEX sync_batch_state ON sync_batch (state, epoch, from_seq);

-- The enrolled device (one row once enrolled): the key never leaves this encrypted file.
CREATE TABLE sync_enrolment (
    singleton            BOOLEAN       DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    base_url             VARCHAR(500)  NOT NULL,
    private_key          VARBINARY(2000) NOT NULL,
    device_certificate   VARBINARY(8000) NOT NULL,
    ca_certificate       VARBINARY(8000) NOT NULL,
    response_certificate VARBINARY(8000) NOT NULL,
    enrolled_at          TIMESTAMP     NOT NULL,
    server_time          VARCHAR(40)   NOT NULL
);

-- An enrolment sent but not yet answered (§6.1): the exact request bytes are sent again after a lost answer.
-- The MAC key is derived from the one-time code; it is needed to check the answer and lives only here.
CREATE TABLE sync_enrolment_request (
    singleton    BOOLEAN       DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    code_id      CHAR(8)       NOT NULL,
    base_url     VARCHAR(500)  NOT NULL,
    request      VARBINARY(65536) NOT NULL,
    mac_key      VARBINARY(64) NOT NULL,
    private_key  VARBINARY(2000) NOT NULL,
    created_at   TIMESTAMP     NOT NULL
);

-- Small facts of the sync state, one row each (back-off schedule, batch size, limits, clock, export counter ...).
CREATE TABLE sync_setting (
    setting_key   VARCHAR(60)    NOT NULL PRIMARY KEY,
    setting_value VARCHAR(20000) NOT NULL
);

-- Blobs the server confirmed present for the unit (so USB exports leave them out).
CREATE TABLE sync_blob (
    sha256       CHAR(64)  NOT NULL PRIMARY KEY,
    confirmed_at TIMESTAMP NOT NULL
);

-- The down-sync feed (§10): the cursor and, per (item type, key), the version and data last applied.
CREATE TABLE sync_feed_cursor (
    singleton            BOOLEAN     DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    feed_id              UUID        NOT NULL,
    last_seq             BIGINT      NOT NULL,
    catalogue_expires_at VARCHAR(40)
);
CREATE TABLE sync_feed_item (
    item_type   VARCHAR(64)  NOT NULL,
    item_key    VARCHAR(200) NOT NULL,
    version     BIGINT       NOT NULL,
    data_sha256 CHAR(64)     NOT NULL,
    data        VARBINARY(1000000) NOT NULL,
    applied_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (item_type, item_key)
);

-- USB transfers (§11): this device's exports (their ids are the nonces a reply's state must carry) and the
-- replies already imported (a second import changes nothing).
CREATE TABLE sync_usb_export (
    export_id  UUID      NOT NULL PRIMARY KEY,
    export_seq BIGINT    NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    file_name  VARCHAR(200) NOT NULL
);
CREATE TABLE sync_usb_reply (
    reply_id    UUID      NOT NULL PRIMARY KEY,
    export_id   UUID,
    imported_at TIMESTAMP NOT NULL
);
