package db

import (
	"context"
	"database/sql"
	"sync"
)

// Pool is a pool of connections whose queries outside a transaction reuse
// their prepared statements: SQLite parses a query's text again for every
// run otherwise, which a profile of the whole platform under load showed
// as a twentieth of its time. database/sql prepares a statement once per
// connection, on first use, and keeps it. At most maxStatements texts are
// kept, so that queries built from filters and pages cannot grow the cache
// without bound: when it is full, one kept statement, any, is closed to
// make room. PostgreSQL's driver keeps its own statement cache, so its pool
// does not use one.
type Pool struct {
	*sql.DB
	prepare bool
	mu      sync.RWMutex
	stmts   map[string]*sql.Stmt
}

const maxStatements = 256

// newPool wraps db; prepare says whether to keep prepared statements.
func newPool(db *sql.DB, prepare bool) *Pool {
	return &Pool{DB: db, prepare: prepare, stmts: map[string]*sql.Stmt{}}
}

// errStmtClosed is what database/sql says of a statement closed meanwhile:
// one this pool closed to make room after a query had taken it.
const errStmtClosed = "sql: statement is closed"

// QueryContext runs query, prepared once per connection.
func (p *Pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		rows, err := st.QueryContext(ctx, args...)
		if err == nil || err.Error() != errStmtClosed {
			return rows, err
		}
	}
	return p.DB.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query, prepared once per connection.
func (p *Pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmt(ctx, query); st != nil {
		row := st.QueryRowContext(ctx, args...)
		if err := row.Err(); err == nil || err.Error() != errStmtClosed {
			return row
		}
	}
	return p.DB.QueryRowContext(ctx, query, args...)
}

// stmt returns query's prepared statement, preparing it the first time;
// nil when query does not prepare (the caller's own run then reports why).
// The lock is never held while a statement is prepared, which waits for a
// connection.
func (p *Pool) stmt(ctx context.Context, query string) *sql.Stmt {
	if !p.prepare {
		return nil
	}
	p.mu.RLock()
	st, ok := p.stmts[query]
	p.mu.RUnlock()
	if ok {
		return st
	}
	st, err := p.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if kept, ok := p.stmts[query]; ok {
		st.Close() // prepared twice at once: keep the first
		return kept
	}
	if len(p.stmts) >= maxStatements {
		for q, old := range p.stmts {
			delete(p.stmts, q)
			old.Close()
			break
		}
	}
	p.stmts[query] = st
	return st
}

// kept is how many statements the pool keeps, for tests.
func (p *Pool) kept() int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return len(p.stmts)
}

// Close closes the statements and the pool.
func (p *Pool) Close() error {
	p.mu.Lock()
	for _, st := range p.stmts {
		st.Close()
	}
	p.stmts = map[string]*sql.Stmt{}
	p.mu.Unlock()
	return p.DB.Close()
}
