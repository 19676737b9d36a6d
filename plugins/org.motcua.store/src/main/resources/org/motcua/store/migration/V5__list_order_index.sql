-- The dossier list pages through every dossier newest first (ORDER BY received_at DESC, code DESC with
-- LIMIT/OFFSET). Without an index in exactly that order H2 sorted the whole table for each page, which took
-- seconds per page at 300,000 dossiers (ui.list300k.scroll_page); with it the page is read off the index.
CREATE INDEX dossier_list_order ON dossier (received_at DESC, code DESC);
