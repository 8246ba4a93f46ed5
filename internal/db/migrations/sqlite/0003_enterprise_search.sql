-- Enterprise search moves to SQLite's own full-text index (FTS5), which
-- intersects the posting lists of several words natively. Each row is one
-- enterprise (rowid = enterprises.id) with its indexable words: folded, legal
-- forms left out. A prefix index of one letter keeps one-letter searches
-- (typed as the user starts) from merging thousands of words' lists.
-- PostgreSQL has the same table as a tsvector with a GIN index.
CREATE VIRTUAL TABLE enterprise_search USING fts5 (
    words, tokenize = 'ascii', prefix = '1', detail = 'column'
);
INSERT INTO enterprise_search (rowid, words)
SELECT enterprise_id, group_concat(word, ' ') FROM enterprise_words GROUP BY enterprise_id;
DROP TABLE enterprise_words;
