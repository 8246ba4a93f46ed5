package db

import (
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"congthuong"
)

// isUniqueViolation reports whether err is a unique or primary-key
// constraint failure on either database.
func IsUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23505"
	}
	var sqErr *msqlite.Error
	if errors.As(err, &sqErr) {
		switch sqErr.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return true
		}
	}
	return false
}

// BadText reports whether the database refused text it was given: a NUL
// character or bytes that are not UTF-8, which PostgreSQL does not store
// (SQLite does). The edge answers it as the caller's mistake, not as an
// internal error.
func BadText(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "22021" || pgErr.Code == "22P05")
}

// notFound turns sql.ErrNoRows into an ENOTFOUND error with message msg.
func NotFound(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return congthuong.Errorf(congthuong.ENOTFOUND, format, args...)
	}
	return err
}
