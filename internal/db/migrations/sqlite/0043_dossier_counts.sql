-- A desk's dossiers counted by month (Vietnam's time): received by channel,
-- decided (processed or returned) by timeliness, and closed (any end), kept
-- in the same transaction as every dossier's change, so that a year's
-- Decision 766 scorecard adds twelve rows instead of counting a million.
-- The counts of the dossiers already recorded are written at the next start
-- (proceduredb.RecountDossiersAtStart).
CREATE TABLE dossier_counts (
    unit_code TEXT NOT NULL,
    month TEXT NOT NULL,
    received_in_person INTEGER NOT NULL DEFAULT 0,
    received_online INTEGER NOT NULL DEFAULT 0,
    received_by_post INTEGER NOT NULL DEFAULT 0,
    done_early INTEGER NOT NULL DEFAULT 0,
    done_on_time INTEGER NOT NULL DEFAULT 0,
    done_late INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, month)
);
