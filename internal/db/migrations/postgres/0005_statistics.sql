-- Sector statistics. Indicators are identified by a stable code; the
-- department's usual set is loaded at first start and administrators add
-- more. A value belongs to an indicator, a unit and a period. The unit is
-- its code plus the valid_from of the unit row it was resolved to for the
-- value's period ('' for a unit valid since always), because several
-- province codes were reused on 2025-07-01.
CREATE TABLE indicators (
    code             TEXT PRIMARY KEY,
    name_vi          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    measure          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    formula          TEXT NOT NULL DEFAULT '',
    aggregation      TEXT NOT NULL,
    weight           TEXT NOT NULL DEFAULT '',
    decimals         INTEGER NOT NULL,
    higher_is_better BOOLEAN NOT NULL,
    versus_last_year BOOLEAN NOT NULL,
    non_negative     BOOLEAN NOT NULL,
    grp              TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- The current value of each indicator, unit and period. A revised value
-- moves the one it replaces to stat_value_revisions, so that the history is
-- kept and analytics read current values only. The key leads with the
-- indicator and the period's year and months, the order in which analytics
-- read (one indicator, a period and the year before, with their parts).
CREATE TABLE stat_values (
    indicator   TEXT NOT NULL REFERENCES indicators (code),
    period      TEXT NOT NULL,
    unit_code   TEXT NOT NULL,
    unit_from   TEXT NOT NULL DEFAULT '',
    year        INTEGER NOT NULL,
    first_month INTEGER NOT NULL,
    last_month  INTEGER NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    status      TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    revision    INTEGER NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (indicator, year, first_month, last_month, unit_code, unit_from)
);

CREATE TABLE stat_value_revisions (
    indicator   TEXT NOT NULL,
    period      TEXT NOT NULL,
    unit_code   TEXT NOT NULL,
    unit_from   TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    status      TEXT NOT NULL,
    source      TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (indicator, period, unit_code, unit_from, revision)
);
