package db

import (
	"context"
	"fmt"
)

// setupLockKey is the PostgreSQL advisory lock processes take to prepare
// the database (migrations, reference data, first accounts) one at a time;
// 7301 serialises migrations and 7302 the audit chain.
const setupLockKey = 7310

// Exclusive runs fn while no other process sharing the database runs an
// Exclusive fn: on PostgreSQL under a session advisory lock, held on a
// connection of its own; on SQLite, whose writes one process at a time
// already serialises, fn simply runs. Replicas that start together then
// prepare the database once, the later ones finding it done.
func (s *DB) Exclusive(ctx context.Context, fn func() error) error {
	if s.Dialect.Name != postgres.Name {
		return fn()
	}
	conn, err := s.Write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("db: exclusive: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, setupLockKey); err != nil {
		return fmt.Errorf("db: exclusive: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, setupLockKey)
	return fn()
}
