-- Amendments of a trade promotion programme (internal/commerce, Decree
-- 81/2018/NĐ-CP form 06): what the trader asks to change (the amended
-- programme as JSON, the fields that differ), and for a registered lucky
-- draw already confirmed, the department's decision by due. Others apply
-- on filing (status applied).
CREATE TABLE promotion_amendments (
    id           INTEGER PRIMARY KEY,
    promotion_id BIGINT NOT NULL REFERENCES promotions (id),
    status       TEXT NOT NULL,
    changed      TEXT NOT NULL,
    amended      TEXT NOT NULL,
    due          TEXT NOT NULL,
    decision     TEXT NOT NULL,
    reason       TEXT NOT NULL,
    filed_by     TEXT NOT NULL,
    filed_at     TIMESTAMP NOT NULL,
    decided_by   TEXT NOT NULL,
    decided_at   TIMESTAMP
);
CREATE INDEX promotion_amendments_promotion ON promotion_amendments (promotion_id, id);
CREATE INDEX promotion_amendments_status ON promotion_amendments (status, due);
