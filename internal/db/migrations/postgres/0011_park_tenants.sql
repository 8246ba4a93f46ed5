-- Tenants (secondary investors) of parks and clusters. A site's leased area,
-- its number of tenants, jobs and registered capital are recomputed from
-- its tenants in the transaction that changes one, and kept on the site's
-- row: lists and maps read thousands of sites and never add up tenants.
CREATE TABLE park_tenants (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    park_id       BIGINT NOT NULL REFERENCES parks (id),
    tax_code      TEXT NOT NULL,
    project       TEXT NOT NULL,
    sector        TEXT NOT NULL DEFAULT '',
    leased_m2     BIGINT NOT NULL,
    capital_vnd   BIGINT NOT NULL DEFAULT 0,
    capital_usd   DOUBLE PRECISION,
    jobs          INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,
    registered_on TEXT NOT NULL DEFAULT '',
    operating_on  TEXT NOT NULL DEFAULT '',
    demo          BOOLEAN NOT NULL DEFAULT FALSE,
    version       INTEGER NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (park_id, tax_code, project)
);

CREATE INDEX park_tenants_tax_code ON park_tenants (tax_code);

ALTER TABLE parks ADD COLUMN tenant_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parks ADD COLUMN jobs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parks ADD COLUMN capital_vnd BIGINT NOT NULL DEFAULT 0;
ALTER TABLE parks ADD COLUMN capital_usd DOUBLE PRECISION NOT NULL DEFAULT 0;
