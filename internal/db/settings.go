package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"

	"congthuong/internal/audit"
)

// Setting returns a stored setting, or "" when unset.
func (s *DB) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.Read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting stores a setting, audited.
func (s *DB) SetSetting(ctx context.Context, key, value string) error {
	return s.WithTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
			return fmt.Errorf("db: set %s: %w", key, err)
		}
		return tx.Audit(ctx, audit.Update, "setting", key, "", nil, map[string]string{key: value})
	})
}

// BumpVersion gives the setting key a new random value in the transaction:
// every process sharing the database tells from it, with one cheap read,
// that what it keeps in memory is stale.
func (tx *Tx) BumpVersion(ctx context.Context, key string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, rand.Text()); err != nil {
		return fmt.Errorf("db: %s: %w", key, err)
	}
	return nil
}
