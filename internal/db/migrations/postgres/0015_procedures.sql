-- The catalogue of administrative procedures. The columns lists and
-- searches read are columns; the documents, form fields and legal basis,
-- read with one procedure, are a JSON document.
CREATE TABLE procedures (
    code          TEXT PRIMARY KEY,
    national_code TEXT NOT NULL DEFAULT '',
    name_vi       TEXT NOT NULL,
    name_en       TEXT NOT NULL DEFAULT '',
    search_name   TEXT NOT NULL,
    field         TEXT NOT NULL DEFAULT '',
    level         TEXT NOT NULL,
    online        TEXT NOT NULL,
    term_days     INTEGER NOT NULL DEFAULT 0,
    term_hours    DOUBLE PRECISION NOT NULL DEFAULT 0,
    term_verified BOOLEAN NOT NULL DEFAULT FALSE,
    cutoff        TEXT NOT NULL DEFAULT '',
    fee           TEXT NOT NULL DEFAULT '',
    details       TEXT NOT NULL,
    demo          BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX procedures_level ON procedures (level, online, code);
