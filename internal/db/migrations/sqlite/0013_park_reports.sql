-- Half-yearly reports of parks and clusters (Circular 14/2024/TT-BCT): a
-- tenant's for its project (tenant_id), or the infrastructure investor's
-- for its site (tenant_id 0). Entered by the enterprise or an officer,
-- approved by another; an approved report is locked.
CREATE TABLE park_reports (
    id            INTEGER PRIMARY KEY,
    park_id       INTEGER NOT NULL REFERENCES parks (id),
    tenant_id     INTEGER NOT NULL DEFAULT 0,
    year          INTEGER NOT NULL,
    half          INTEGER NOT NULL,
    jobs          INTEGER NOT NULL,
    capital_vnd   INTEGER NOT NULL,
    capital_usd   REAL,
    leased_m2     INTEGER NOT NULL,
    revenue_vnd   INTEGER NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    entered_by    TEXT NOT NULL,
    entered_at    TIMESTAMP NOT NULL,
    decided_by    TEXT NOT NULL DEFAULT '',
    decided_at    TIMESTAMP,
    decision_note TEXT NOT NULL DEFAULT '',
    UNIQUE (park_id, tenant_id, year, half)
);
