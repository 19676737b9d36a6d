-- Desk settings that officers change from the settings screen (letterhead, form edition, printer, Saturday
-- sessions). One row per key; absent keys take their default. Changes are written to the audit log.
CREATE TABLE desk_setting (
    setting_key   VARCHAR(60)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(300) NOT NULL,
    changed_by    VARCHAR(64)  NOT NULL,
    changed_at    TIMESTAMP    NOT NULL
);
