-- A replacement PC's restore (dossierHistory): a unit's dossiers page by id, and each dossier's events are found by
-- aggregate in the chain store. Without these, every page would scan the unit's dossiers and the whole chain store.
CREATE INDEX dossiers_unit_id ON dossiers (unit_code, dossier_id);
CREATE INDEX chain_positions_aggregate ON chain_positions (aggregate_id);
