-- Trade promotion programmes filed with the department (internal/commerce):
-- registered lucky draws await a decision by due; notified and recorded
-- programmes are confirmed on receipt. provinces is ",31,01," so that one
-- LIKE finds a province's; goods is the promoted goods as JSON; the
-- results (awarded, unclaimed, budget_share) come with the report.
CREATE TABLE promotions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code  TEXT NOT NULL,
    tax_code       TEXT NOT NULL,
    trader_name    TEXT NOT NULL,
    title          TEXT NOT NULL,
    form           TEXT NOT NULL,
    provinces      TEXT NOT NULL,
    start_day      TEXT NOT NULL,
    end_day        TEXT NOT NULL,
    brand          TEXT NOT NULL,
    goods          TEXT NOT NULL,
    concentrated   BOOLEAN NOT NULL,
    prime_minister BOOLEAN NOT NULL,
    prizes         TEXT NOT NULL,
    prize_total    BIGINT NOT NULL,
    status         TEXT NOT NULL,
    due            TEXT NOT NULL,
    decision       TEXT NOT NULL,
    reason         TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    awarded        BIGINT NOT NULL,
    unclaimed      BIGINT NOT NULL,
    budget_share   BIGINT NOT NULL,
    search_text    TEXT NOT NULL,
    demo           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT NOT NULL,
    version        INTEGER NOT NULL
);
CREATE INDEX promotions_province ON promotions (province_code, status, end_day);
CREATE INDEX promotions_trader ON promotions (tax_code, start_day);
