-- Word index for enterprise search: each indexable word of a name (folded,
-- legal forms left out), with the enterprise's unit and province so that a
-- search and its scope check read this table only, in index order, and stop
-- at the first matches they need. COLLATE "C" makes the prefix range
-- (word >= 'thep' AND word < 'thep{') byte order, as in SQLite.
CREATE TABLE enterprise_words (
    word          TEXT COLLATE "C" NOT NULL,
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    unit_code     TEXT NOT NULL,
    province_code TEXT NOT NULL,
    PRIMARY KEY (word, enterprise_id)
);
CREATE INDEX enterprise_words_enterprise ON enterprise_words (enterprise_id, word COLLATE "C");
