-- The fee a dossier's handler asked for (đồng), and when it was paid.
ALTER TABLE dossiers ADD COLUMN fee_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN fee_paid_at TIMESTAMPTZ;
