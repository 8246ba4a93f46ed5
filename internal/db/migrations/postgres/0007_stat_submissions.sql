-- A unit's report of a data set for a period: entered by the unit, then
-- approved by the department (which locks it and makes its values official)
-- or returned for correction.
CREATE TABLE stat_submissions (
    data_set    TEXT NOT NULL,
    year        INTEGER NOT NULL,
    first_month INTEGER NOT NULL,
    last_month  INTEGER NOT NULL,
    unit_code   TEXT NOT NULL,
    unit_from   TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    entered_by  TEXT NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    decided_by  TEXT NOT NULL DEFAULT '',
    decided_at  TIMESTAMPTZ,
    note        TEXT NOT NULL DEFAULT '',
    -- What the rule checks found in the figures entered, for the approver.
    warnings    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (data_set, year, first_month, last_month, unit_code, unit_from)
);
