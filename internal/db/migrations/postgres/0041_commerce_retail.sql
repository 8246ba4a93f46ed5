-- The retail network (internal/commerce): supermarkets, shopping centres
-- and convenience stores, kept by their commune or the department; the
-- class is read from the sales area and the items under a scheme
-- (internal/commerce/retail_classes.csv), never stored.
CREATE TABLE retail_stores (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    assortment        TEXT NOT NULL,
    chain             TEXT NOT NULL,
    unit_code         TEXT NOT NULL,
    province_code     TEXT NOT NULL,
    address           TEXT NOT NULL,
    lon               DOUBLE PRECISION,
    lat               DOUBLE PRECISION,
    area_m2           INTEGER NOT NULL,
    items             INTEGER NOT NULL,
    operator_name     TEXT NOT NULL,
    operator_tax_code TEXT NOT NULL,
    search_text       TEXT NOT NULL,
    demo              BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           INTEGER NOT NULL
);
CREATE INDEX retail_stores_province ON retail_stores (province_code, unit_code);
