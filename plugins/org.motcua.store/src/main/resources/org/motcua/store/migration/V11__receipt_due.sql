-- The due date printed on the receipt, kept when an apology (form 04) moves due_at: the service-quality index judges
-- a dossier against it. NULL while no extension has moved due_at (due_at is then still the receipt's).
ALTER TABLE dossier ADD COLUMN original_due_at TIMESTAMP;
