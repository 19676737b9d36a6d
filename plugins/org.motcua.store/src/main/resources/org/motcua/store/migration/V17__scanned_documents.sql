-- Scanned documents (§9), content-addressed by SHA-256. The bytes live in this database, not in files beside it: the
-- whole file is AES-encrypted with the desk's key, so a scan of a citizen ID is as unreadable on disk as the dossier,
-- a scan and the dossier or event that references it commit in one transaction (nothing half-written after a crash),
-- and backups carry scans with the dossiers. The same bytes are stored once whatever number of dossiers they are
-- attached to.
CREATE TABLE scan_blob (
    sha256      CHAR(64)     NOT NULL PRIMARY KEY,
    media_type  VARCHAR(40)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    data        BLOB         NOT NULL,
    stored_at   TIMESTAMP    NOT NULL
);

-- Which scans a dossier has, in the order attached; document is the received document the scan shows ('' for none).
-- at_reception is TRUE for scans that went in the DossierReceived event, FALSE for those of an AttachmentsAdded event.
CREATE TABLE dossier_scan (
    dossier_id    UUID           NOT NULL REFERENCES dossier (id),
    sha256        CHAR(64)       NOT NULL REFERENCES scan_blob (sha256),
    position      INT            NOT NULL,
    document      VARCHAR(1000)  NOT NULL,
    file_name     VARCHAR(255)   NOT NULL,
    attached_at   TIMESTAMP      NOT NULL,
    attached_by   VARCHAR(64)    NOT NULL,
    at_reception  BOOLEAN        NOT NULL,
    PRIMARY KEY (dossier_id, sha256)
);
