-- The commune's dossiers and everything written with them in one transaction:
-- handover log, outbox (per-device hash chain) and audit chain. Citizen data lives only here, and
-- the whole file is AES-encrypted by H2.

-- Procedure catalogue, versioned: a dossier keeps the rules of the version it was received under.
CREATE TABLE procedure_version (
    code           VARCHAR(40)   NOT NULL,
    version        INT           NOT NULL,
    national       BOOLEAN       NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    field_code     VARCHAR(100)  NOT NULL,
    field_name     VARCHAR(300)  NOT NULL,
    time_amount    INT           NOT NULL,
    time_unit      VARCHAR(16)   NOT NULL,
    time_assumed   BOOLEAN       NOT NULL,
    cut_off        TIME,
    fee_text       VARCHAR(4000) NOT NULL,
    online_level   VARCHAR(20),
    deciding_body  VARCHAR(300)  NOT NULL,
    sample         BOOLEAN       NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE procedure_document (
    code      VARCHAR(40)   NOT NULL,
    version   INT           NOT NULL,
    position  INT           NOT NULL,
    name      VARCHAR(1000) NOT NULL,
    form      VARCHAR(40)   NOT NULL,
    doc_count INT           NOT NULL,
    required  BOOLEAN       NOT NULL,
    note      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (code, version, position),
    FOREIGN KEY (code, version) REFERENCES procedure_version (code, version)
);

CREATE TABLE dossier (
    id                    UUID          NOT NULL PRIMARY KEY,
    code                  VARCHAR(40)   NOT NULL UNIQUE,
    -- "YYMMDD-NNNN", the part of the code officers read out and type
    code_tail             CHAR(11)      NOT NULL,
    procedure_code        VARCHAR(40)   NOT NULL,
    procedure_version     INT           NOT NULL,
    field_code            VARCHAR(100)  NOT NULL,
    applicant_kind        VARCHAR(16)   NOT NULL,
    applicant_name        VARCHAR(150)  NOT NULL,
    -- folded: no diacritics, "đ" as "d", lower case; what name search compares
    applicant_name_folded VARCHAR(150)  NOT NULL,
    citizen_id            CHAR(12),
    birth_date            DATE,
    phone                 VARCHAR(20)   NOT NULL,
    phone_digits          VARCHAR(20)   NOT NULL,
    email                 VARCHAR(254)  NOT NULL,
    province              VARCHAR(100)  NOT NULL,
    commune               VARCHAR(100)  NOT NULL,
    address_detail        VARCHAR(300)  NOT NULL,
    authorised_name       VARCHAR(150),
    authorised_citizen_id CHAR(12),
    authorised_phone      VARCHAR(20),
    sets                  INT           NOT NULL,
    channel               SMALLINT      NOT NULL,
    delivery              VARCHAR(10)   NOT NULL,
    received_at           TIMESTAMP     NOT NULL,
    due_at                TIMESTAMP     NOT NULL,
    finished_at           TIMESTAMP,
    register_book         VARCHAR(20)   NOT NULL,
    register_entry        INT           NOT NULL,
    status                SMALLINT      NOT NULL,
    received_by           VARCHAR(64)   NOT NULL,
    assistant             VARCHAR(64),
    assisted_place        VARCHAR(100),
    note                  VARCHAR(1000) NOT NULL,
    row_version           INT           NOT NULL,
    FOREIGN KEY (procedure_code, procedure_version) REFERENCES procedure_version (code, version),
    UNIQUE (register_book, register_entry)
);
CREATE INDEX dossier_code_tail ON dossier (code_tail);
CREATE INDEX dossier_citizen_id ON dossier (citizen_id);
CREATE INDEX dossier_phone ON dossier (phone_digits);
CREATE INDEX dossier_name ON dossier (applicant_name_folded);
CREATE INDEX dossier_status_due ON dossier (status, due_at);
CREATE INDEX dossier_received ON dossier (received_at);
CREATE INDEX dossier_due ON dossier (due_at);
CREATE INDEX dossier_procedure ON dossier (procedure_code, received_at);
CREATE INDEX dossier_field ON dossier (field_code, received_at);

-- Every word of every applicant name, folded, so "an" or "van an" finds "Nguyễn Văn An" by index.
CREATE TABLE dossier_name_word (
    word       VARCHAR(60) NOT NULL,
    dossier_id UUID        NOT NULL,
    PRIMARY KEY (word, dossier_id),
    FOREIGN KEY (dossier_id) REFERENCES dossier (id)
);

CREATE TABLE dossier_document (
    dossier_id UUID          NOT NULL,
    position   INT           NOT NULL,
    name       VARCHAR(1000) NOT NULL,
    form       VARCHAR(40)   NOT NULL,
    doc_count  INT           NOT NULL,
    PRIMARY KEY (dossier_id, position),
    FOREIGN KEY (dossier_id) REFERENCES dossier (id)
);

-- Append-only: the audit of a dossier, the process-control slip and the register.
CREATE TABLE handover (
    dossier_id    UUID          NOT NULL,
    step          INT           NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    status        SMALLINT      NOT NULL,
    from_officer  VARCHAR(64)   NOT NULL,
    to_officer    VARCHAR(64)   NOT NULL,
    at            TIMESTAMP     NOT NULL,
    step_deadline TIMESTAMP,
    timeliness    VARCHAR(10),
    new_due_at    TIMESTAMP,
    note          VARCHAR(2000) NOT NULL,
    PRIMARY KEY (dossier_id, step),
    FOREIGN KEY (dossier_id) REFERENCES dossier (id)
);

-- Per-day sequence of this device's dossier codes (drawn from its number blocks).
CREATE TABLE day_counter (
    receipt_date  DATE NOT NULL PRIMARY KEY,
    last_sequence INT  NOT NULL
);

-- Number blocks leased from upstream (empty before enrolment: the fixed sub-range applies).
CREATE TABLE number_block (
    first_sequence INT  NOT NULL,
    last_sequence  INT  NOT NULL,
    valid_from     DATE NOT NULL,
    valid_to       DATE NOT NULL,
    PRIMARY KEY (first_sequence, valid_from)
);

-- Register books: one per year and device, so offline devices never share entry numbers.
CREATE TABLE register_counter (
    book       VARCHAR(20) NOT NULL PRIMARY KEY,
    last_entry INT         NOT NULL
);

-- Transactional outbox: written with every change, drained by sync. device_seq has no gaps.
CREATE TABLE outbox (
    device_seq   BIGINT       NOT NULL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    event_type   VARCHAR(40)  NOT NULL,
    aggregate_id UUID         NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    payload      VARBINARY(1000000) NOT NULL,
    payload_hash CHAR(64)     NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL,
    sent_at      TIMESTAMP
);

-- Tamper-evident audit of every action: who, what, when, hash-linked.
CREATE TABLE audit_log (
    seq       BIGINT        NOT NULL PRIMARY KEY,
    at        TIMESTAMP     NOT NULL,
    actor     VARCHAR(64)   NOT NULL,
    action    VARCHAR(40)   NOT NULL,
    subject   VARCHAR(80)   NOT NULL,
    detail    VARCHAR(2000) NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
