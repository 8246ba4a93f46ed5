package db

import (
	"context"
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
func (s *DB) Migrate(ctx context.Context) (applied []string, err error) {
	return s.MigrateTo(ctx, "")
}

// MigrateTo is Migrate, stopping after the migration named last (all of
// them when last is empty): an installation of an older version, for tests.
func (s *DB) MigrateTo(ctx context.Context, last string) (applied []string, err error) {
	if _, err := s.Write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		if !IsUniqueViolation(err) { // two processes creating it at once
			return nil, fmt.Errorf("db: migrate: %w", err)
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
			return applied, fmt.Errorf("db: migration %s: %w", name, err)
		}
		if ok {
			applied = append(applied, name)
		}
	}
	return applied, s.runRepairs(ctx)
}

func (s *DB) migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/"+s.Dialect.Name+"/*.sql")
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

// Repair is a work a migration asked for, done in tx once every migration
// is applied. The module whose data it repairs registers it (OnRepair):
// the core knows the migrations, not the modules' code.
type Repair func(ctx context.Context, tx Execer, d Dialect) error

// OnRepair registers the work of the repair name.
func (s *DB) OnRepair(name string, fn Repair) {
	if s.repairs == nil {
		s.repairs = map[string]Repair{}
	}
	s.repairs[name] = fn
}

// repairKey is the setting that marks a repair as due.
func repairKey(name string) string { return "repair: " + name }

// runRepairs does the repairs migrations marked as due, each in one
// transaction with the clearing of its mark.
func (s *DB) runRepairs(ctx context.Context) error {
	for _, name := range slices.Sorted(maps.Values(migrationRepairs)) {
		tx, err := s.Write.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		var n int64
		res, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = $1`, repairKey(name))
		if err == nil {
			n, err = res.RowsAffected()
		}
		if err == nil && n > 0 {
			if fn := s.repairs[name]; fn != nil {
				err = fn(ctx, tx, s.Dialect)
			} else {
				err = fmt.Errorf("no module registered the repair")
			}
		}
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("db: repair %s: %w", name, err)
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) applyMigration(ctx context.Context, path string) (bool, error) {
	name := path[len("migrations/"+s.Dialect.Name+"/"):]
	body, err := migrations.ReadFile(path)
	if err != nil {
		return false, err
	}
	tx, err := s.Write.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if s.Dialect.lockMigrations != "" {
		if _, err := tx.ExecContext(ctx, s.Dialect.lockMigrations); err != nil {
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
		name, s.NowUTC().Format("2006-01-02T15:04:05Z")); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
