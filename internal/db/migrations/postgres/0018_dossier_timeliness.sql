-- Whether a dossier was decided early (on a day before its due day) or
-- late (after its due time), fixed when it is decided, so that scorecards
-- over a million dossiers count instead of computing dates.
ALTER TABLE dossiers ADD COLUMN finished_early BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE dossiers ADD COLUMN finished_late BOOLEAN NOT NULL DEFAULT FALSE;

-- Scorecards count along these, reading no table row: receipts (by
-- channel), decisions (by status and timeliness), and what was open at a
-- time.
CREATE INDEX dossiers_received ON dossiers (unit_code, received_at);
CREATE INDEX dossiers_received_channel ON dossiers (unit_code, channel, received_at);
CREATE INDEX dossiers_decided ON dossiers (unit_code, status, finished_late, finished_early, finished_at);
CREATE INDEX dossiers_finished ON dossiers (unit_code, finished_at, received_at, status, due_at);
