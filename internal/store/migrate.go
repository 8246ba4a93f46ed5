package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations
var migrations embed.FS

// Migrations returns the embedded migration files, by dialect folder.
func Migrations() fs.FS { return migrations }

// Migrate applies the embedded migrations not yet applied, each file in its
// own transaction, in name order. Several processes may call it at once.
func (s *Store) Migrate(ctx context.Context) (applied []string, err error) {
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
		ok, err := s.applyMigration(ctx, name)
		if err != nil {
			return applied, fmt.Errorf("store: migration %s: %w", name, err)
		}
		if ok {
			applied = append(applied, name)
		}
	}
	return applied, nil
}

func (s *Store) migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/"+s.dialect.name+"/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// migrationSteps run in Go after the SQL of a migration, in its
// transaction: what SQL cannot write.
var migrationSteps = map[string]func(ctx context.Context, tx *sql.Tx, d dialect) error{
	"0009_stat_series.sql":   func(ctx context.Context, tx *sql.Tx, d dialect) error { return rebuildSeries(ctx, tx, d) },
	"0012_park_features.sql": func(ctx context.Context, tx *sql.Tx, _ dialect) error { return rebuildParkFeatures(ctx, tx) },
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
	if after := migrationSteps[name]; after != nil {
		if err := after(ctx, tx, s.dialect); err != nil {
			return false, err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)`,
		name, s.now().Format("2006-01-02T15:04:05Z")); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
