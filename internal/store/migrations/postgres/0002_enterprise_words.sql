-- Word index for enterprise search: each indexable word of a name (folded,
-- legal forms left out), so that a search is a few index range scans
-- instead of a LIKE over every name. COLLATE "C" makes the prefix range
-- (word >= 'thep' AND word < 'thep{') byte order, as in SQLite.
CREATE TABLE enterprise_words (
    word          TEXT COLLATE "C" NOT NULL,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    PRIMARY KEY (word, enterprise_id)
);
CREATE INDEX enterprise_words_enterprise ON enterprise_words (enterprise_id);
