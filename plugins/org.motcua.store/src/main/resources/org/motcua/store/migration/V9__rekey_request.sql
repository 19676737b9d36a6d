-- Rekey (shared/protocol.md §6.2): a request sent but not yet answered. The exact request bytes and their signature
-- are sent again after a lost answer (the server answers the same bytes with its stored response for 30 days). The
-- new private key lives only here, inside the encrypted database, until the answer is verified; then one transaction
-- moves it into sync_enrolment (the old key is overwritten), re-signs the frozen batches and deletes this row.
CREATE TABLE sync_rekey_request (
    singleton     BOOLEAN          DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    request       VARBINARY(65536) NOT NULL,
    signature     VARBINARY(8000)  NOT NULL,
    -- the serial of the certificate whose key signed the request (the key current when it was made)
    signer_serial VARCHAR(80)      NOT NULL,
    private_key   VARBINARY(2000)  NOT NULL,
    requested_by  VARCHAR(100)     NOT NULL,
    created_at    TIMESTAMP        NOT NULL
);
