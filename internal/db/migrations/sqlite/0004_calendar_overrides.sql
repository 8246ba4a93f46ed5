-- Days of the Government's yearly schedules that differ from the holiday
-- rules (internal/calendar/holidays.json): announced days off and make-up
-- working days, each with the announcement it comes from. Administrators
-- edit them; the shipped, verified ones are loaded on first start.
CREATE TABLE calendar_overrides (
    day        TEXT NOT NULL,
    scope      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    name_vi    TEXT NOT NULL,
    name_en    TEXT NOT NULL DEFAULT '',
    ref        TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (day, scope)
);
