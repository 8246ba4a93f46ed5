package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// The analytics (series, targets, unit groups) may read from a streaming
// replica of the PostgreSQL database, to keep a province's dashboards off
// the primary that takes the filings. A replica trails the primary by its
// replication lag, so a value just saved may be missing from the next
// answer unless the primary commits with synchronous_commit =
// remote_apply (docs/DEPLOY.md). When the replica cannot be reached the
// primary answers, and the replica is tried again replicaRetry later.

const replicaRetry = 10 * time.Second

type replicaState struct {
	downUntil atomic.Int64 // unix nanoseconds: until then the primary answers
	fallbacks atomic.Int64
}

// UseAnalyticsReplica sends the analytics' reads to url, a hot standby of
// the PostgreSQL database the store writes to.
func (s *DB) UseAnalyticsReplica(url string) error {
	if s.Dialect.Name != postgres.Name {
		return errors.New("db: an analytics replica needs PostgreSQL")
	}
	if !strings.HasPrefix(url, "postgres://") && !strings.HasPrefix(url, "postgresql://") {
		return errors.New("db: the analytics replica's URL must start with postgres://")
	}
	db, err := openPostgres(url)
	if err != nil {
		return err
	}
	if s.analytics != s.Read.DB {
		s.analytics.Close()
	}
	s.analytics = db
	return nil
}

// ReplicaFallbacks counts the analytics reads the primary answered because
// the replica could not be reached.
func (s *DB) ReplicaFallbacks() int64 { return s.replica.fallbacks.Load() }

// AnalyticsQuery runs an analytics read on the replica, or on the primary
// when there is none or it cannot be reached.
func (s *DB) AnalyticsQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s.analytics == s.Read.DB {
		return s.Read.QueryContext(ctx, query, args...)
	}
	if time.Now().UnixNano() >= s.replica.downUntil.Load() {
		rows, err := s.analytics.QueryContext(ctx, query, args...)
		if err == nil || !Unreachable(err) || ctx.Err() != nil {
			return rows, err
		}
		s.replica.downUntil.Store(time.Now().Add(replicaRetry).UnixNano())
	}
	s.replica.fallbacks.Add(1)
	return s.Read.QueryContext(ctx, query, args...)
}

// Unreachable reports whether err says a database could not be reached or
// went away (a lost connection, a server shutting down or still starting),
// as opposed to refusing a statement.
func Unreachable(err error) bool {
	var op *net.OpError
	var connect *pgconn.ConnectError
	var pg *pgconn.PgError
	switch {
	case errors.As(err, &op), errors.As(err, &connect), errors.Is(err, driver.ErrBadConn), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.As(err, &pg):
		// Class 08: connection exception; 57P01–57P03: shutting down,
		// crashed, starting up.
		return strings.HasPrefix(pg.Code, "08") || pg.Code == "57P01" || pg.Code == "57P02" || pg.Code == "57P03"
	}
	return false
}
