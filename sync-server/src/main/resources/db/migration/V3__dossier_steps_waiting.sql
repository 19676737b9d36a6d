-- Handover steps stored before their dossier's reception arrived (§4.2: accepted, resolved upstream), so that a
-- reception looks for steps to apply in this table, empty but for steps still waiting, instead of searching the whole
-- timeline by dossier for every new dossier (a non-unique look-up that PostgreSQL plans as a sequential scan while the
-- table has no statistics yet). A row is removed in the transaction that applies its step to the arriving reception.
CREATE TABLE dossier_steps_waiting (
    event_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    dossier_id  VARCHAR(36)  NOT NULL
);
CREATE INDEX dossier_steps_waiting_dossier ON dossier_steps_waiting (dossier_id);

-- Steps already waiting in a database migrated from version 2.
INSERT INTO dossier_steps_waiting (event_id, dossier_id)
SELECT s.event_id, s.dossier_id FROM dossier_steps s
WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.dossier_id = s.dossier_id);
