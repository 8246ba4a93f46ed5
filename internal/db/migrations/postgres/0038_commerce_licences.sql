-- The register of licences (internal/commerce): alcohol, tobacco,
-- petroleum and LPG shops, each issued by a commune or the department,
-- born from an approved dossier (dossier_code) or recorded from a
-- commune's old lists. Days are YYYY-MM-DD text; valid_until is empty for
-- a kind without end. search_text is the folded number, holder, shop,
-- address and holder's identifier (unit.Fold). The status is the last
-- decision's (active, suspended, revoked); expiry is read from the days.
CREATE TABLE licences (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT NOT NULL,
    number        TEXT NOT NULL,
    holder_name   TEXT NOT NULL,
    holder_id     TEXT NOT NULL,
    holder_email  TEXT NOT NULL,
    holder_phone  TEXT NOT NULL,
    shop_name     TEXT NOT NULL,
    address       TEXT NOT NULL,
    unit_code     TEXT NOT NULL,
    province_code TEXT NOT NULL,
    lon           DOUBLE PRECISION,
    lat           DOUBLE PRECISION,
    issuer_code   TEXT NOT NULL,
    issued_on     TEXT NOT NULL,
    valid_until   TEXT NOT NULL,
    conditions    TEXT NOT NULL,
    dossier_code  TEXT NOT NULL,
    status        TEXT NOT NULL,
    search_text   TEXT NOT NULL,
    demo          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       INTEGER NOT NULL
);

-- One number per kind and issuer; one licence per dossier.
CREATE UNIQUE INDEX licences_number ON licences (issuer_code, kind, number);
CREATE UNIQUE INDEX licences_dossier ON licences (dossier_code) WHERE dossier_code <> '';
CREATE INDEX licences_unit ON licences (unit_code, kind);
CREATE INDEX licences_province_end ON licences (province_code, valid_until);

-- A licence's history: its issue and every later decision.
CREATE TABLE licence_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    licence_id  BIGINT NOT NULL REFERENCES licences (id),
    action      TEXT NOT NULL,
    on_day      TEXT NOT NULL,
    decision    TEXT NOT NULL,
    note        TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    actor       TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX licence_events_licence ON licence_events (licence_id, id);

-- Expiry reminders sent, one per licence, lead and end, so that a
-- reminder goes once however often the job runs, and again after a
-- renewal moves the end.
CREATE TABLE licence_reminders (
    licence_id  BIGINT NOT NULL REFERENCES licences (id),
    lead_days   INTEGER NOT NULL,
    valid_until TEXT NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (licence_id, lead_days, valid_until)
);
