-- Markets kept by their communes (internal/commerce, Decree 60/2024/NĐ-CP):
-- how each trades, its points, land, capital, who runs it, its hours and
-- certificates; the class is read from the points. market_events keeps
-- the conversions of who runs a market (a board to an enterprise or a
-- cooperative).
CREATE TABLE markets (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT NOT NULL,
    unit_code         TEXT NOT NULL,
    province_code     TEXT NOT NULL,
    address           TEXT NOT NULL,
    rural             BOOLEAN NOT NULL,
    lon               DOUBLE PRECISION,
    lat               DOUBLE PRECISION,
    method            TEXT NOT NULL,
    capital           TEXT NOT NULL,
    operator          TEXT NOT NULL,
    operator_name     TEXT NOT NULL,
    operator_tax_code TEXT NOT NULL,
    permanent         BOOLEAN NOT NULL,
    points            INTEGER NOT NULL,
    occupied          INTEGER NOT NULL,
    land_m2           INTEGER NOT NULL,
    business_m2       INTEGER NOT NULL,
    opening_hours     TEXT NOT NULL,
    fire_cert         TEXT NOT NULL,
    food_cert         TEXT NOT NULL,
    search_text       TEXT NOT NULL,
    demo              BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           INTEGER NOT NULL
);
CREATE INDEX markets_unit ON markets (unit_code);
CREATE INDEX markets_province ON markets (province_code, unit_code);

CREATE TABLE market_events (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    market_id     BIGINT NOT NULL REFERENCES markets (id),
    from_operator TEXT NOT NULL,
    to_operator   TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    actor         TEXT NOT NULL,
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX market_events_market ON market_events (market_id, id);
