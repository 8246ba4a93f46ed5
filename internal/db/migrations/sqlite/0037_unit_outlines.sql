-- Unit boundaries an administrator loaded: better province outlines than
-- the shipped ones, or communes' (none ship), simplified for drawing,
-- with the source the map must credit. A level is replaced whole.
CREATE TABLE unit_outlines (
    code          TEXT PRIMARY KEY,
    level         TEXT NOT NULL,
    province_code TEXT NOT NULL,
    rings         TEXT NOT NULL,
    source        TEXT NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX unit_outlines_province ON unit_outlines (province_code, level);
