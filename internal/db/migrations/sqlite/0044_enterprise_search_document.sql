-- PostgreSQL's search document is written by the platform from this
-- version on (see the PostgreSQL migration); SQLite's FTS5 table indexes
-- the beginnings of words itself. Nothing to change here.
SELECT 1;
