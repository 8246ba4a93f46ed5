-- Growth rates the statistics office publishes, kept beside the figures:
-- the office computes them against revised figures of the year before that
-- are never published month by month, so a department quotes its rate
-- rather than one computed from the published figures. Keyed like a value
-- (without a replaced unit: the office publishes for units of the day).
CREATE TABLE stat_growth_published (
    indicator   TEXT NOT NULL REFERENCES indicators (code),
    year        INTEGER NOT NULL,
    first_month INTEGER NOT NULL,
    last_month  INTEGER NOT NULL,
    unit_code   TEXT NOT NULL,
    growth_pct  DOUBLE PRECISION NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    updated_at  TIMESTAMP NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (indicator, year, first_month, last_month, unit_code)
);
