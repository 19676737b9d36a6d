-- How each result was returned (status 10): who collected it, and the citizen's rating. One row per returned
-- dossier, written in the same transaction as its RETURN_RESULT handover; never updated.
CREATE TABLE result_return (
    dossier_id        UUID          NOT NULL PRIMARY KEY,
    collected_by      VARCHAR(20)   NOT NULL,
    collector_name    VARCHAR(150)  NOT NULL,
    collector_id      CHAR(12),
    tracking_number   VARCHAR(30)   NOT NULL,
    rating            VARCHAR(20),
    rating_comment    VARCHAR(500)  NOT NULL,
    returned_at       TIMESTAMP     NOT NULL,
    returned_by       VARCHAR(64)   NOT NULL,
    FOREIGN KEY (dossier_id) REFERENCES dossier (id),
    CHECK (collected_by IN ('APPLICANT', 'AUTHORISED_PERSON', 'POST')),
    CHECK (rating IS NULL OR rating IN ('SATISFIED', 'ACCEPTABLE', 'NOT_SATISFIED'))
);
CREATE INDEX result_return_at ON result_return (returned_at);
