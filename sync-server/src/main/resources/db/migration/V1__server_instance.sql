-- The first migration only records which server instance this database belongs to. Communes, devices,
-- batches and events arrive with the sync issue.
CREATE TABLE server_instance (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO server_instance (id, created_at) VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP);
