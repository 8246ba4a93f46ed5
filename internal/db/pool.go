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
// connection, on first use, and keeps it. Only the first maxStatements
// distinct texts are kept, so that queries built from filters cannot grow
// the cache without bound; the others run as before. PostgreSQL's driver
// keeps its own statement cache, so its pool does not use one.
type Pool struct {
	*sql.DB
	prepare bool
	mu      sync.RWMutex
	stmts   map[string]*sql.Stmt
}

const maxStatements = 512

// newPool wraps db; prepare says whether to keep prepared statements.
func newPool(db *sql.DB, prepare bool) *Pool {
	return &Pool{DB: db, prepare: prepare, stmts: map[string]*sql.Stmt{}}
}

// QueryContext runs query, prepared once per connection.
func (p *Pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.DB.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query, prepared once per connection.
func (p *Pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.DB.QueryRowContext(ctx, query, args...)
}

// stmt returns query's prepared statement, preparing it if the cache has
// room; nil when it has none, or when query does not prepare (the caller's
// own run then reports why).
func (p *Pool) stmt(ctx context.Context, query string) *sql.Stmt {
	if !p.prepare {
		return nil
	}
	p.mu.RLock()
	st, ok := p.stmts[query]
	full := len(p.stmts) >= maxStatements
	p.mu.RUnlock()
	if ok || full {
		return st
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if st, ok := p.stmts[query]; ok {
		return st
	}
	st, err := p.DB.PrepareContext(context.WithoutCancel(ctx), query)
	if err != nil {
		return nil
	}
	p.stmts[query] = st
	return st
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
