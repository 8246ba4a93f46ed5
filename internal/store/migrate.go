package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
)

//go:embed migrations
var migrations embed.FS

// Migrations returns the embedded migration files, by dialect folder.
func Migrations() fs.FS { return migrations }

// Migrate applies the embedded migrations not yet applied, each file in its
// own transaction, in name order, then the repairs they asked for. Several
// processes may call it at once.
func (s *Store) Migrate(ctx context.Context) (applied []string, err error) {
	return s.MigrateTo(ctx, "")
}

// MigrateTo is Migrate, stopping after the migration named last (all of
// them when last is empty): an installation of an older version, for tests.
func (s *Store) MigrateTo(ctx context.Context, last string) (applied []string, err error) {
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		if !isUniqueViolation(err) { // two processes creating it at once
			return nil, fmt.Errorf("store: migrate: %w", err)
		}
	}
	names, err := s.migrationNames()
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if last != "" && path.Base(name) > last {
			break
		}
		ok, err := s.applyMigration(ctx, name)
		if err != nil {
			return applied, fmt.Errorf("store: migration %s: %w", name, err)
		}
		if ok {
			applied = append(applied, name)
		}
	}
	return applied, s.runRepairs(ctx)
}

func (s *Store) migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/"+s.dialect.name+"/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// Some migrations need work SQL cannot do: the statistics series (0009) and
// the sites' GeoJSON features (0012) are computed in Go from the rows. That
// code follows today's schema, so a migration must not run it: on a fresh
// install it would meet the schema of its own time, before the later
// migrations (a column added to parks would break every new installation).
// Such a migration only records, in its own transaction, that a repair is
// due; the repairs run once every migration is applied, against the schema
// the code knows, and each clears its mark in the transaction that does the
// work, so a crash in between leaves the mark to be done at the next start.
var migrationRepairs = map[string]string{
	"0009_stat_series.sql":   "statistics series",
	"0012_park_features.sql": "park features",
}

// repairs are the works migrations may ask for, by name.
var repairs = map[string]func(ctx context.Context, tx *sql.Tx, d dialect) error{
	"statistics series": func(ctx context.Context, tx *sql.Tx, d dialect) error { return rebuildSeries(ctx, tx, d) },
	"park features":     func(ctx context.Context, tx *sql.Tx, _ dialect) error { return rebuildParkFeatures(ctx, tx) },
}

// repairKey is the setting that marks a repair as due.
func repairKey(name string) string { return "repair: " + name }

// runRepairs does the repairs migrations marked as due, each in one
// transaction with the clearing of its mark.
func (s *Store) runRepairs(ctx context.Context) error {
	for _, name := range slices.Sorted(maps.Keys(repairs)) {
		tx, err := s.write.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		var n int64
		res, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = $1`, repairKey(name))
		if err == nil {
			n, err = res.RowsAffected()
		}
		if err == nil && n > 0 {
			err = repairs[name](ctx, tx, s.dialect)
		}
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("store: repair %s: %w", name, err)
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, path string) (bool, error) {
	name := path[len("migrations/"+s.dialect.name+"/"):]
	body, err := migrations.ReadFile(path)
	if err != nil {
		return false, err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if s.dialect.lockMigrations != "" {
		if _, err := tx.ExecContext(ctx, s.dialect.lockMigrations); err != nil {
			return false, err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE name = $1`, name).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return false, err
	}
	if repair, ok := migrationRepairs[name]; ok {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, '1') ON CONFLICT (key) DO NOTHING`,
			repairKey(repair)); err != nil {
			return false, err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)`,
		name, s.now().Format("2006-01-02T15:04:05Z")); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
