-- What the province's feed (§5.6 procedure and calendar items) changes on the desk, applied in the same transaction
-- as the feed cursor (§10).

-- A procedure version that came down the feed: the item's version (ms) and when it arrived. The desk numbers its
-- versions 1, 2, … per code as they arrive (a dossier refers to code + that number); compiled-in sample versions
-- have no feed version.
ALTER TABLE procedure_version ADD COLUMN feed_version BIGINT;
ALTER TABLE procedure_version ADD COLUMN arrived_at TIMESTAMP;
ALTER TABLE procedure_version ADD COLUMN valid_from DATE;

-- Codes the province withdrew: their versions stay for the dossiers received under them; intake no longer offers them.
CREATE TABLE procedure_withdrawn (
    code          VARCHAR(40) NOT NULL PRIMARY KEY,
    feed_version  BIGINT      NOT NULL,
    arrived_at    TIMESTAMP   NOT NULL
);

-- The working calendar of each year the province sent; it replaces the compiled-in sample's days of that year whole.
-- (YEAR and DAY are keywords in H2, hence year_number and calendar_date.)
CREATE TABLE calendar_year (
    year_number   INT         NOT NULL PRIMARY KEY,
    feed_version  BIGINT      NOT NULL,
    arrived_at    TIMESTAMP   NOT NULL
);

CREATE TABLE calendar_day (
    calendar_date  DATE         NOT NULL PRIMARY KEY,
    year_number    INT          NOT NULL REFERENCES calendar_year (year_number),
    kind           VARCHAR(30)  NOT NULL,
    name           VARCHAR(300) NOT NULL
);
