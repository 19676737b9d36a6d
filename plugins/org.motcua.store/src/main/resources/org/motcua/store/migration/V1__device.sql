-- This device's identity: one row, written by the setup wizard.
CREATE TABLE device (
    singleton     BOOLEAN      DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    device_id     UUID         NOT NULL,
    unit_code     VARCHAR(32)  NOT NULL,
    unit_name     VARCHAR(300) NOT NULL,
    device_number INT          NOT NULL CHECK (device_number BETWEEN 1 AND 9)
);
