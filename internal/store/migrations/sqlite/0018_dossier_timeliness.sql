-- Whether a dossier was decided early (on a day before its due day) or
-- late (after its due time), fixed when it is decided, so that scorecards
-- over a million dossiers count instead of computing dates.
ALTER TABLE dossiers ADD COLUMN finished_early INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN finished_late INTEGER NOT NULL DEFAULT 0;

CREATE INDEX dossiers_received ON dossiers (unit_code, received_at);
CREATE INDEX dossiers_finished ON dossiers (unit_code, finished_at);
