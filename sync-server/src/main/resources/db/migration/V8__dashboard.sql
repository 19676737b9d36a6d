-- The leaders' dashboard (issue 11). Every figure it shows is answered by an index, for ~10 million dossiers.

-- How each ended dossier was judged (EARLY, ON_TIME, LATE): the desk judges it by the service-quality index's rule
-- when it stores the ending step, and the step carries it; kept on the dossier so that a month's on-time rate is a
-- range of one index instead of a search through the timeline. Dossiers ended before this version take their ending
-- step's judgement, or (a step without one) their end against the receipt's due date.
ALTER TABLE dossiers ADD COLUMN timeliness VARCHAR(10);
UPDATE dossiers SET timeliness = (SELECT MAX(s.timeliness) FROM dossier_steps s WHERE s.dossier_id = dossiers.dossier_id
        AND s.action IN ('MARK_DONE', 'REFUSE', 'STOP', 'WITHDRAW'))
    WHERE done_at IS NOT NULL;
UPDATE dossiers SET timeliness = CASE WHEN done_at <= original_due_at THEN 'ON_TIME' ELSE 'LATE' END
    WHERE done_at IS NOT NULL AND timeliness IS NULL AND original_due_at IS NOT NULL;

-- Open dossiers per commune by the receipt's due date: "in process", "overdue", "due within 2 days" and the late list
-- read only the few open statuses of this index (an index-only scan on PostgreSQL), never the closed millions.
CREATE INDEX dossiers_status_unit_due ON dossiers (status, unit_code, original_due_at);
-- Dossiers ended in a period with their judgement, commune, procedure and field: the month's on-time rate and the
-- report by procedure and field are one range of this index, with no row read.
CREATE INDEX dossiers_done_judged ON dossiers (done_at, unit_code, procedure_code, procedure_field, timeliness);
-- Dossiers received in a period per commune. It replaces dossiers_received (the time alone, so a count per commune
-- read every row), which it serves as well, so ingest maintains no more indexes for it than before.
CREATE INDEX dossiers_received_unit ON dossiers (received_at, unit_code);
DROP INDEX dossiers_received;
-- A dossier's sync history: the batches of one device in time order.
CREATE INDEX batches_device_committed ON batches (device_id, committed_at);
-- The citizens' ratings of a month per commune (citizen_ratings_unit leads with the commune, so the province's month
-- would read every rating ever given).
CREATE INDEX citizen_ratings_rated ON citizen_ratings (rated_at, unit_code, rating);
