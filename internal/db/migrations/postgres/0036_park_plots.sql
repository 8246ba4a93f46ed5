-- A site's plots (lô): its leasable land as drawn on its plan, each free,
-- held or leased (to a tenant, by tax code), replaced whole by an import.
CREATE TABLE park_plots (
    park_id    BIGINT NOT NULL REFERENCES parks (id),
    code       TEXT NOT NULL,
    area_m2    BIGINT NOT NULL,
    status     TEXT NOT NULL,
    tax_code   TEXT NOT NULL DEFAULT '',
    geometry   TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (park_id, code)
);
