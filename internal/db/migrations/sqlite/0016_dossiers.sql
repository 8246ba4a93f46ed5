-- Dossiers of administrative procedures. A dossier's code is its agency's,
-- the day's and the day's sequence number, taken from dossier_sequences in
-- the transaction that stores the dossier, so that concurrent submissions
-- never share a code. Each step of the workflow is an event; the dossier's
-- row holds where it is now. Overdue is derived from due_at, never stored.
CREATE TABLE dossier_sequences (
    agency TEXT NOT NULL,
    day    TEXT NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (agency, day)
);

CREATE TABLE dossiers (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE,
    procedure_code       TEXT NOT NULL REFERENCES procedures (code),
    unit_code            TEXT NOT NULL,
    province_code        TEXT NOT NULL,
    channel              INTEGER NOT NULL,
    applicant_name       TEXT NOT NULL,
    applicant_tax_code   TEXT NOT NULL DEFAULT '',
    applicant_phone      TEXT NOT NULL,
    applicant_email      TEXT NOT NULL DEFAULT '',
    applicant_address    TEXT NOT NULL DEFAULT '',
    form                 TEXT NOT NULL DEFAULT '{}',
    status               TEXT NOT NULL,
    stage                TEXT NOT NULL DEFAULT '',
    supplement_requested INTEGER NOT NULL DEFAULT 0,
    outcome              TEXT NOT NULL DEFAULT '',
    handler              TEXT NOT NULL DEFAULT '',
    submitted_at         TIMESTAMP NOT NULL,
    received_at          TIMESTAMP,
    due_at               TIMESTAMP,
    pauses               TEXT NOT NULL DEFAULT '[]',
    finished_at          TIMESTAMP,
    created_by           TEXT NOT NULL,
    demo                 INTEGER NOT NULL DEFAULT 0,
    version              INTEGER NOT NULL
);

CREATE INDEX dossiers_unit ON dossiers (province_code, unit_code, status);
CREATE INDEX dossiers_due ON dossiers (due_at);
CREATE INDEX dossiers_applicant ON dossiers (applicant_tax_code);

CREATE TABLE dossier_events (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
    at          TIMESTAMP NOT NULL,
    actor       TEXT NOT NULL,
    role        TEXT NOT NULL,
    action      TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);

CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);
