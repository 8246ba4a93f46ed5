-- PostgreSQL's search index changes its storage options here; SQLite's FTS5
-- table has none to change.
SELECT 1;
