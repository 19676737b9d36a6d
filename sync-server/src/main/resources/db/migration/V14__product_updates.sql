-- Desk product updates (the productRelease feed item, PROTOCOL-NOTES "Product updates"). A release's files are kept by
-- their SHA-256, once each: the next release shares most of its bundles with the last, so those are not stored again.
-- Whole files in one row: desks read byte ranges of them (SUBSTRING), and a jar is already compressed, so PostgreSQL
-- keeps it uncompressed out of line and reads only the pages of the range asked for.
CREATE TABLE product_files (
    sha256      CHAR(64)     NOT NULL PRIMARY KEY,
    size        BIGINT       NOT NULL,
    content     BYTEA        NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every release published, per platform: what publish-update lists and compares a new version with. The feed item of
-- the platform's newest publication (feed_seq) is the one desks see.
CREATE TABLE product_releases (
    platform      VARCHAR(64)  NOT NULL,
    version       VARCHAR(100) NOT NULL,
    file_count    INTEGER      NOT NULL,
    total_bytes   BIGINT       NOT NULL,
    feed_seq      BIGINT       NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (platform, version)
);
CREATE INDEX product_releases_newest ON product_releases (platform, feed_seq);
