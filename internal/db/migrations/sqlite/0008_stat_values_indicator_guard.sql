-- An indicator is never deleted: codes are stable identifiers, used by
-- imports and the API. SQLite keeps the foreign key from values to
-- indicators as well, which costs it little; PostgreSQL's checks a value
-- at a time, and there this trigger is the guarantee.
CREATE TRIGGER indicators_keep BEFORE DELETE ON indicators
BEGIN
    SELECT RAISE(ABORT, 'indicators cannot be deleted: codes are stable identifiers');
END;
