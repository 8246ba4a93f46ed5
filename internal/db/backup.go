package db

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the SQLite database to path while the
// platform keeps running (VACUUM INTO reads one snapshot). PostgreSQL is
// backed up with pg_dump instead (docs/OPERATIONS.md).
func (s *DB) Backup(ctx context.Context, path string) error {
	if s.Dialect.Name != "sqlite" {
		return fmt.Errorf("db: backup: use pg_dump for PostgreSQL (docs/OPERATIONS.md)")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("db: backup: %s already exists", path)
	}
	if _, err := s.Read.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		return fmt.Errorf("db: backup: %w", err)
	}
	return nil
}

// RestoreSQLite replaces the database in dataDir with the backup at from,
// after checking that the backup is an intact congthuong database. The
// platform must be stopped. The replaced file is kept beside it.
func RestoreSQLite(ctx context.Context, from, dataDir string) (kept string, err error) {
	db, err := openSQLite(from, 1, "")
	if err != nil {
		return "", err
	}
	var check string
	err = db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check)
	var n int
	if err == nil {
		err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
	}
	db.Close()
	if err != nil {
		return "", fmt.Errorf("db: restore: %s is not a congthuong database: %w", from, err)
	}
	if check != "ok" {
		return "", fmt.Errorf("db: restore: %s fails the integrity check: %s", from, check)
	}
	target := filepath.Join(dataDir, SQLiteFile)
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return "", err
	}
	tmp := target + ".restoring"
	if err := copyFile(from, tmp); err != nil {
		return "", err
	}
	if _, err := os.Stat(target); err == nil {
		kept = target + ".before-restore"
		// Fold the WAL into the old file before keeping it.
		if old, err := sql.Open("sqlite", "file:"+target); err == nil {
			old.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
			old.Close()
		}
		if err := os.Rename(target, kept); err != nil {
			return "", err
		}
	}
	os.Remove(target + "-wal")
	os.Remove(target + "-shm")
	return kept, os.Rename(tmp, target)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
