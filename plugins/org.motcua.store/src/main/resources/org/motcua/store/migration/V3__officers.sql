-- Officer accounts for offline login. Passwords are Argon2id hashes in PHC string format; nothing else
-- about a password is stored. A run of failed logins locks the account for a while.
CREATE TABLE officer (
    username        VARCHAR(64)  NOT NULL PRIMARY KEY,
    full_name       VARCHAR(150) NOT NULL,
    role            VARCHAR(30)  NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    failed_attempts INT          DEFAULT 0 NOT NULL,
    locked_until    TIMESTAMP,
    active          BOOLEAN      DEFAULT TRUE NOT NULL,
    created_at      TIMESTAMP    NOT NULL
);
