-- A secret printed on the receipt and shown to the applicant, which with the
-- dossier's code lets the public track it (the phone given at filing does
-- too). Dossiers filed before it was introduced are tracked by phone.
ALTER TABLE dossiers ADD COLUMN tracking_key TEXT NOT NULL DEFAULT '';
