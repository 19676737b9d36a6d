-- The official commune list (import-communes, issue 11): beside the electronic unit code dossier codes start with, the
-- commune's administrative unit code from the national list of administrative units (mã ĐVHC, five digits), when the
-- imported file gives one, and when the row last came from an import.
ALTER TABLE units ADD COLUMN admin_code VARCHAR(5);
ALTER TABLE units ADD COLUMN imported_at TIMESTAMP WITH TIME ZONE;
