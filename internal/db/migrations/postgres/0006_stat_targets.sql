-- Targets of indicators, per unit and period, each tied to the resolution
-- or plan that set it (for example a province's socio-economic resolution).
CREATE TABLE stat_targets (
    indicator       TEXT NOT NULL REFERENCES indicators (code),
    year            INTEGER NOT NULL,
    first_month     INTEGER NOT NULL,
    last_month      INTEGER NOT NULL,
    unit_code       TEXT NOT NULL,
    unit_from       TEXT NOT NULL DEFAULT '',
    period          TEXT NOT NULL,
    value           DOUBLE PRECISION NOT NULL,
    resolution      TEXT NOT NULL,
    resolution_date TEXT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT NOT NULL,
    PRIMARY KEY (indicator, year, first_month, last_month, unit_code, unit_from)
);
