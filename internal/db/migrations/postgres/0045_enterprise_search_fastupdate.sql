-- The search index takes new entries into its pending list, which the
-- writer merges, sorted, into the index whenever the list passes its limit
-- (and autovacuum in between): placing every beginning of every word of a
-- name one by one took most of an import of 100,000 names. A search scans
-- what is pending, at most the limit: 1 MB, well under a millisecond.
ALTER INDEX enterprise_search_document SET (fastupdate = on, gin_pending_list_limit = 1024);
