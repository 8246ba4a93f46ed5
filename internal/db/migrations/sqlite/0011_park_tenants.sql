-- Tenants (secondary investors) of parks and clusters. A site's leased area,
-- its number of tenants, jobs and registered capital are recomputed from
-- its tenants in the transaction that changes one, and kept on the site's
-- row: lists and maps read thousands of sites and never add up tenants.
CREATE TABLE park_tenants (
    id            INTEGER PRIMARY KEY,
    park_id       INTEGER NOT NULL REFERENCES parks (id),
    tax_code      TEXT NOT NULL,
    project       TEXT NOT NULL,
    sector        TEXT NOT NULL DEFAULT '',
    leased_m2     INTEGER NOT NULL,
    capital_vnd   INTEGER NOT NULL DEFAULT 0,
    capital_usd   REAL,
    jobs          INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,
    registered_on TEXT NOT NULL DEFAULT '',
    operating_on  TEXT NOT NULL DEFAULT '',
    demo          INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    UNIQUE (park_id, tax_code, project)
);

CREATE INDEX park_tenants_tax_code ON park_tenants (tax_code);

ALTER TABLE parks ADD COLUMN tenant_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parks ADD COLUMN jobs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parks ADD COLUMN capital_vnd INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parks ADD COLUMN capital_usd REAL NOT NULL DEFAULT 0;
