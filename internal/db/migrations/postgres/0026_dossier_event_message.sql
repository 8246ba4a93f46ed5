-- The message an officer writes to the applicant with a step, apart from
-- the internal note: the applicant reads the message, never the note.
ALTER TABLE dossier_events ADD COLUMN message TEXT NOT NULL DEFAULT '';
