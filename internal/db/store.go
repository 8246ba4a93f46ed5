// Package db is the platform's SQL core: the pools (SQLite, embedded and the
// default, or PostgreSQL), the write transaction that carries the clock, the
// actor and the audit chain, the migrations, uploaded files, the import
// runner, and the query helpers every module's SQL uses. The modules keep
// their own SQL beside their domain; the few differences between the two
// databases live in dialect.go and in the per-dialect migrations.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver

	"congthuong/internal/audit"
)

// DB holds the database pools. With SQLite, writes go through a single
// connection (SQLite allows one writer) and reads through a pool; with
// PostgreSQL both are the same pool.
type DB struct {
	// Read is the pool for reads (SQLite: several connections); Write the
	// one for writes (SQLite: one connection), which WithTx uses.
	Read  *Pool
	Write *sql.DB
	// analytics serves the analytics' reads: a streaming replica when one
	// is set (replica.go), read otherwise.
	analytics *sql.DB
	replica   replicaState
	// Dialect is what differs between the two databases.
	Dialect Dialect
	path    string // SQLite file, empty for PostgreSQL
	files   string // folder of uploaded files; empty: none can be stored

	// Now returns the current time; tests replace it.
	Now func() time.Time
	// ImportReadTime bounds the reading of an import's file
	// (DefaultImportReadTime when zero); tests shorten it.
	ImportReadTime time.Duration
	// imports holds the import slots (importrun.go).
	imports chan struct{}
	// auditKey seals the audit chain (SetAuditKey).
	auditKey audit.Key
	// log receives what long operations (imports) do; SetLogger.
	log *slog.Logger
	// repairs are the modules' works migrations may ask for (OnRepair).
	repairs map[string]Repair
}

// SetLogger sets where the store reports long operations: each import's
// phases, with their rows and times.
func (s *DB) SetLogger(log *slog.Logger) { s.log = log }

// sqliteReaders is the size of the SQLite read pool.
const sqliteReaders = 8

// SQLiteFile is the database file name inside the data folder.
const SQLiteFile = "congthuong.db"

// Open connects to url, a postgres:// URL, or, when url is empty, to the
// SQLite database in dataDir (created if missing). It does not migrate.
func Open(ctx context.Context, url, dataDir string) (*DB, error) {
	s := &DB{Now: time.Now, imports: make(chan struct{}, importSlots), log: slog.New(slog.DiscardHandler)}
	if dataDir != "" {
		s.files = filepath.Join(dataDir, "files")
	}
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		db, err := openPostgres(url)
		if err != nil {
			return nil, err
		}
		s.Read, s.Write, s.Dialect = newPool(db, false), db, postgres
	} else if url != "" {
		return nil, fmt.Errorf("db: database URL must start with postgres:// (or be empty for the embedded SQLite database)")
	} else {
		if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return nil, fmt.Errorf("db: data folder: %w", err)
		}
		s.path = filepath.Join(dataDir, SQLiteFile)
		var err error
		// The writer gets a 64 MiB page cache, so that a large import's
		// transaction stays in memory until commit instead of spilling pages
		// to the WAL as it goes.
		if s.Write, err = openSQLite(s.path, 1, "&_pragma=cache_size(-65536)&_pragma=temp_store(MEMORY)"); err != nil {
			return nil, err
		}
		readers, err := openSQLite(s.path, sqliteReaders, "")
		if err != nil {
			s.Write.Close()
			return nil, err
		}
		s.Read = newPool(readers, true)
		s.Dialect = sqlite
	}
	s.analytics = s.Read.DB
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openPostgres opens a pool on a postgres:// URL.
func openPostgres(url string) (*sql.DB, error) {
	if !strings.Contains(url, "connect_timeout=") {
		// A database that cannot be reached fails requests within
		// seconds (503), instead of holding them for the system's TCP
		// timeout.
		sep := "?"
		if strings.Contains(url, "?") {
			sep = "&"
		}
		url += sep + "connect_timeout=3"
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("db: open postgres: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}

// openSQLite opens a pool on the file. busy_timeout comes first so that the
// pragmas after it wait for a lock instead of failing. synchronous(FULL)
// makes every commit durable before it is acknowledged, even across a power
// loss, at the cost of one fsync per transaction (docs/ARCHITECTURE.md).
func openSQLite(path string, conns int, pragmas string) (*sql.DB, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_time_format=sqlite&_txlock=immediate" + pragmas
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("db: open sqlite: %w", err)
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	db.SetConnMaxIdleTime(0)
	return db, nil
}

// Close closes the pools.
func (s *DB) Close() error {
	var err error
	if s.Write != nil {
		err = s.Write.Close()
	}
	if s.Read != nil && s.Read.DB != s.Write {
		if e := s.Read.Close(); err == nil {
			err = e
		}
	}
	if s.analytics != nil && s.analytics != s.Read.DB {
		if e := s.analytics.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Ping checks that the database answers; /readyz uses it.
func (s *DB) Ping(ctx context.Context) error {
	var one int
	if err := s.Read.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("db: ping: %w", err)
	}
	return nil
}

// Path is the SQLite file, or "" on PostgreSQL.
func (s *DB) Path() string { return s.path }

// NowUTC is the time a change is recorded at: Now, in UTC, to the
// microsecond.
func (s *DB) NowUTC() time.Time {
	// PostgreSQL keeps microseconds; truncating here makes a time read back
	// equal to the time written, which the audit hash chain relies on.
	return s.Now().UTC().Truncate(time.Microsecond)
}
