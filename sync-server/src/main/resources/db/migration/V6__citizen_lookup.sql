-- The citizen's progress lookup (issue 11). The desk sends hex(SHA-256(token)) in DossierReceived; the server keeps
-- that hash beside the dossier and never sees the token itself. Dossiers synced before this version have none, so the
-- lookup answers them as unknown.
ALTER TABLE dossiers ADD COLUMN lookup_token_sha256 VARCHAR(64);

-- One rating per dossier, given by the citizen on the lookup page after the result was returned (status 10). The
-- primary key is what refuses a second rating, whichever instance takes it. Read per commune by the dashboard.
CREATE TABLE citizen_ratings (
    dossier_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    unit_code   VARCHAR(64)  NOT NULL,
    rating      VARCHAR(20)  NOT NULL,
    comment     VARCHAR(500) NOT NULL,
    rated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX citizen_ratings_unit ON citizen_ratings (unit_code, rated_at);

-- Lookup attempts per client address in a fixed window, in the database so that instances behind one balancer share
-- one count (an in-memory count would give an address N times the limit with N instances).
CREATE TABLE lookup_throttle (
    address_key   VARCHAR(80)  NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    hits          INTEGER      NOT NULL
);
