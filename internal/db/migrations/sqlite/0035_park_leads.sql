-- Investors' interest in a site ("register interest"): the contact and
-- needs they leave, and the department's follow-up (status, owner, note).
CREATE TABLE park_leads (
    id           INTEGER PRIMARY KEY,
    park_id      BIGINT NOT NULL REFERENCES parks (id),
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    land_ha      DOUBLE PRECISION,
    sector       TEXT NOT NULL DEFAULT '',
    message      TEXT NOT NULL DEFAULT '',
    lang         TEXT NOT NULL,
    status       TEXT NOT NULL,
    owner        TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX park_leads_status ON park_leads (status, created_at);
CREATE INDEX park_leads_park ON park_leads (park_id);
