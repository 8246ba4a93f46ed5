-- Industrial parks (KCN) and clusters (CCN). Areas are whole square
-- metres (1 ha = 10,000 m²), so that 742.5 ha stays 742.5 ha through any
-- sum. unit_code is the commune or province the site lies in, as in force
-- today; province_code is kept with it for scope checks and filters.
-- Decisions, the infrastructure and the contact are small documents read
-- and written with the site, kept as JSON text. lon and lat are the point
-- a map pins the site on (the geometry's centre), for distance and box
-- filters without reading geometries.
CREATE TABLE parks (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE,
    kind                  TEXT NOT NULL,
    type                  TEXT NOT NULL,
    name_vi               TEXT NOT NULL,
    name_en               TEXT NOT NULL DEFAULT '',
    search_name           TEXT NOT NULL,
    unit_code             TEXT NOT NULL,
    province_code         TEXT NOT NULL,
    craft_village         BOOLEAN NOT NULL DEFAULT FALSE,
    mountainous           BOOLEAN NOT NULL DEFAULT FALSE,
    status                TEXT NOT NULL,
    decision              TEXT NOT NULL,
    expansions            TEXT NOT NULL DEFAULT '[]',
    planned_m2            BIGINT NOT NULL,
    industrial_m2         BIGINT NOT NULL,
    leasable_m2           BIGINT NOT NULL,
    leased_m2             BIGINT NOT NULL,
    investor_tax_code     TEXT NOT NULL DEFAULT '',
    infrastructure        TEXT NOT NULL DEFAULT '{}',
    wastewater_m3_per_day INTEGER NOT NULL DEFAULT 0,
    wastewater_operating  BOOLEAN NOT NULL DEFAULT FALSE,
    eco_status            TEXT NOT NULL DEFAULT '',
    contact               TEXT NOT NULL DEFAULT '{}',
    sectors               TEXT NOT NULL DEFAULT '',
    port_km               DOUBLE PRECISION,
    airport_km            DOUBLE PRECISION,
    highway_km            DOUBLE PRECISION,
    rent_min_usd          DOUBLE PRECISION,
    rent_max_usd          DOUBLE PRECISION,
    geometry              TEXT,
    lon                   DOUBLE PRECISION,
    lat                   DOUBLE PRECISION,
    published             BOOLEAN NOT NULL DEFAULT FALSE,
    demo                  BOOLEAN NOT NULL DEFAULT FALSE,
    version               INTEGER NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

CREATE INDEX parks_province ON parks (province_code, kind, code);
CREATE INDEX parks_public ON parks (published, kind, code);
