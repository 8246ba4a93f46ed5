package db

import (
	"context"
	"fmt"
)

// Optimize refreshes the query planner's statistics of the tables that have
// changed much since they were last gathered. PostgreSQL's autovacuum does
// this by itself; SQLite keeps no statistics unless asked, and without them
// picks indexes poorly as tables grow (a province's sites were counted along
// the index of every published site). The server runs it when it starts
// and every hour.
func (s *DB) Optimize(ctx context.Context) error {
	if s.Dialect.Name != sqlite.Name {
		return nil
	}
	// 0x10000: every table, not only those this connection has used.
	if _, err := s.Write.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		return fmt.Errorf("db: optimize: %w", err)
	}
	// A connection reads the statistics when it opens: drop the idle
	// readers, so that the next reads open connections that see the new
	// ones.
	s.Read.SetMaxIdleConns(0)
	s.Read.SetMaxIdleConns(sqliteReaders)
	return nil
}
