-- Enterprise search moves to PostgreSQL's own full-text index, which
-- intersects the posting lists of several words natively. Each row is one
-- enterprise with its indexable words: folded, legal forms left out. SQLite
-- has the same table as an FTS5 index.
--
-- A search matches the beginnings of words ("thu" finds "thủy"). GIN answers
-- a prefix query (thu:*) by collecting every matching word's entries into a
-- bitmap before intersecting, 5-10 ms for common beginnings at 100,000
-- names, so the document holds every beginning of every word instead
-- (t, th, thu, thuy) and a search looks up exact terms.
CREATE FUNCTION word_beginnings(words TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT string_agg(left(w, n), ' ')
        FROM regexp_split_to_table(words, ' ') AS w, generate_series(1, length(w)) AS n);

CREATE TABLE enterprise_search (
    enterprise_id BIGINT PRIMARY KEY REFERENCES enterprises (id) ON DELETE CASCADE,
    words         TEXT NOT NULL,
    document      tsvector GENERATED ALWAYS AS (to_tsvector('simple', word_beginnings(words))) STORED
);
-- fastupdate off: a pending list of unsorted entries would be scanned in
-- full by every search until vacuum merged it (2 ms for 4 MiB of it).
CREATE INDEX enterprise_search_document ON enterprise_search USING gin (document) WITH (fastupdate = off);
INSERT INTO enterprise_search (enterprise_id, words)
SELECT enterprise_id, string_agg(word, ' ') FROM enterprise_words GROUP BY enterprise_id;
DROP TABLE enterprise_words;
