-- Word index for enterprise search: each indexable word of a name (folded,
-- legal forms left out), so that a search is a few index range scans
-- instead of a LIKE over every name.
CREATE TABLE enterprise_words (
    word          TEXT NOT NULL,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    PRIMARY KEY (word, enterprise_id)
) WITHOUT ROWID;
CREATE INDEX enterprise_words_enterprise ON enterprise_words (enterprise_id);
