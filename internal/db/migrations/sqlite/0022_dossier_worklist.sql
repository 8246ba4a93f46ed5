-- A desk's worklist (open dossiers first, by due time) read in the order of
-- this index, stopping at the page's end, instead of sorting every dossier
-- the desk ever received on each view.
CREATE INDEX dossiers_worklist ON dossiers (unit_code, (finished_at IS NOT NULL), due_at, submitted_at, id);
