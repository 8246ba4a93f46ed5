-- The result document of an approved dossier, numbered per agency and
-- year ({number}/{year}/{agency}) and verifiable by anyone by its number;
-- and the new date an apology slip (form 04) gives a dossier that will be
-- late. The statutory due time stays, so on-time rates count it late.
ALTER TABLE dossiers ADD COLUMN result_number TEXT;
ALTER TABLE dossiers ADD COLUMN result_at TIMESTAMP;
ALTER TABLE dossiers ADD COLUMN apology_due TIMESTAMP;

CREATE UNIQUE INDEX dossiers_result_number ON dossiers (result_number);
