package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congthuong"
	"congthuong/internal/audit"
)

// Tx is a write transaction with a fixed clock and the actor it acts for, so
// that a change and its audit entry carry the same time and author.
type Tx struct {
	*sql.Tx
	DB *DB
	// Now is the time the transaction's changes are recorded at.
	Now time.Time
	// Actor is who the changes are made for.
	Actor congthuong.Actor
	// lastHash caches the head of the audit chain once this transaction holds
	// the chain's lock, so that a bulk import reads it once, not per row.
	lastHash *string
	// pendingAudit holds entries not yet written; see flushAudit.
	pendingAudit []audit.Entry
	stmts        map[string]*sql.Stmt
	conn         *sql.Conn
}

// Stmt prepares query once per transaction: bulk imports run the same
// inserts a hundred thousand times.
func (tx *Tx) Stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := tx.stmts[query]; ok {
		return st, nil
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if tx.stmts == nil {
		tx.stmts = map[string]*sql.Stmt{}
	}
	tx.stmts[query] = st
	return st, nil
}

// WithTx runs fn in a write transaction and commits it if fn returns nil.
func (s *DB) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	// The transaction runs on a connection of its own, so that bulk writes
	// can reach the driver (COPY on PostgreSQL) inside it.
	conn, err := s.Write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	defer conn.Close()
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	tx := &Tx{Tx: sqlTx, conn: conn, DB: s, Now: s.NowUTC(), Actor: congthuong.ActorFrom(ctx)}
	if err := fn(tx); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := tx.FlushAudit(ctx); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}
