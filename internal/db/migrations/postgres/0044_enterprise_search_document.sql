-- The search document's beginnings of words are written by the platform
-- (enterprisedb.searchDocument) instead of computed by word_beginnings()
-- for every row: that SQL function and to_tsvector's parsing took most of
-- the time of writing 100,000 names. The values already stored stay.
ALTER TABLE enterprise_search ALTER COLUMN document DROP EXPRESSION;
