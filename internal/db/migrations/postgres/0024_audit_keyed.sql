-- Entries sealed with the audit key (HMAC-SHA-256, the key kept outside the
-- database) rather than plain SHA-256; entries written before the key was
-- introduced stay as they were.
ALTER TABLE audit_log ADD COLUMN keyed BOOLEAN NOT NULL DEFAULT FALSE;
