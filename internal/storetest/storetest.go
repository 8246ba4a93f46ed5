// Package storetest opens real databases for tests: SQLite in a temporary
// folder, and PostgreSQL when CONGTHUONG_TEST_POSTGRES names a server. Each
// test gets a fresh database, migrated and loaded with the administrative
// units, copied from a template built once per test binary.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"congthuong"
	"congthuong/data"
	"congthuong/internal/audit"
	"congthuong/internal/store"
	"congthuong/internal/unit"
)

// PostgresEnv names the variable holding the PostgreSQL server URL.
const PostgresEnv = "CONGTHUONG_TEST_POSTGRES"

// Each runs fn as a subtest on SQLite and on PostgreSQL. Without a
// PostgreSQL server the PostgreSQL subtest is skipped locally and fails in CI.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// RequirePostgres skips (or fails in CI) when no server is configured, and
// returns its URL.
func RequirePostgres(t testing.TB) string {
	t.Helper()
	url := os.Getenv(PostgresEnv)
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests (see scripts/pg-start)", PostgresEnv)
		}
		t.Skipf("%s not set; PostgreSQL tests skipped (they fail instead in CI)", PostgresEnv)
	}
	return url
}

var (
	sqliteOnce     sync.Once
	sqliteTemplate string
	sqliteErr      error
)

// SQLite returns a fresh, loaded SQLite store in a temporary folder.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	sqliteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "congthuong-tpl-*")
		if err != nil {
			sqliteErr = err
			return
		}
		sqliteErr = prepare("", dir)
		if sqliteErr == nil {
			// A clean checkpoint leaves everything in the main file.
			s, err := store.Open(context.Background(), "", dir)
			if err == nil {
				_, err = s.Read.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
				s.Close()
			}
			sqliteErr = err
		}
		sqliteTemplate = filepath.Join(dir, store.SQLiteFile)
	})
	if sqliteErr != nil {
		t.Fatalf("sqlite template: %v", sqliteErr)
	}
	dir := t.TempDir()
	tpl, err := os.ReadFile(sqliteTemplate)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, store.SQLiteFile), tpl, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), "", dir)
	if err != nil {
		t.Fatal(err)
	}
	s.SetAuditKey(AuditKey)
	t.Cleanup(func() { s.Close() })
	return s
}

// AuditKey seals the audit entries tests write, as a platform's key does.
var AuditKey = audit.Key("0123456789abcdef0123456789abcdef")

var (
	pgOnce     sync.Once
	pgTemplate string
	pgErr      error
	pgSeq      atomic.Int64
)

// Postgres returns a fresh, loaded PostgreSQL store in a database of its own,
// dropped when the test ends.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	s, _ := PostgresURL(t)
	return s
}

// PostgresURL is Postgres, with the URL of the store's database.
func PostgresURL(t testing.TB) (*store.Store, string) {
	t.Helper()
	url := RequirePostgres(t)
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	pgOnce.Do(func() {
		pgTemplate = fmt.Sprintf("ct_tpl_%d", os.Getpid())
		admin.Exec("DROP DATABASE IF EXISTS " + pgTemplate)
		if _, pgErr = admin.Exec("CREATE DATABASE " + pgTemplate); pgErr != nil {
			return
		}
		pgErr = prepare(withDatabase(url, pgTemplate), "")
	})
	if pgErr != nil {
		t.Fatalf("postgres template: %v", pgErr)
	}
	name := fmt.Sprintf("ct_test_%d_%d", os.Getpid(), pgSeq.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name + " TEMPLATE " + pgTemplate); err != nil {
		t.Fatal(err)
	}
	// The first connection to a fresh database can take longer than the
	// platform's 3 s connect timeout when the suite's packages and two
	// servers share two cores: tried again before the test fails.
	var s *store.Store
	for attempt := 1; ; attempt++ {
		s, err = store.Open(context.Background(), withDatabase(url, name), t.TempDir())
		if err == nil || attempt == 3 || !strings.Contains(err.Error(), "timeout") {
			break
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	if err != nil {
		t.Fatal(err)
	}
	s.SetAuditKey(AuditKey)
	t.Cleanup(func() {
		s.Close()
		admin, err := sql.Open("pgx", url)
		if err == nil {
			admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			admin.Close()
		}
	})
	return s, withDatabase(url, name)
}

// EmptyPostgres returns the URL of a new, empty PostgreSQL database,
// dropped when the test ends: for tests that start the platform itself.
func EmptyPostgres(t testing.TB) string {
	t.Helper()
	url := RequirePostgres(t)
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("ct_empty_%d_%d", os.Getpid(), pgSeq.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", url)
		if err == nil {
			admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			admin.Close()
		}
	})
	return withDatabase(url, name)
}

// DropTemplates removes the PostgreSQL template this process made; call it
// from TestMain after m.Run.
func DropTemplates() {
	url := os.Getenv(PostgresEnv)
	if url == "" || pgTemplate == "" {
		return
	}
	if admin, err := sql.Open("pgx", url); err == nil {
		admin.Exec("DROP DATABASE IF EXISTS " + pgTemplate + " WITH (FORCE)")
		admin.Close()
	}
}

// withDatabase replaces the database name in a postgres:// URL.
func withDatabase(url, name string) string {
	rest := ""
	if i := strings.IndexByte(url, '?'); i >= 0 {
		url, rest = url[:i], url[i:]
	}
	slash := strings.LastIndexByte(url, '/')
	if slash < len("postgres://") {
		return url + "/" + name + rest
	}
	return url[:slash+1] + name + rest
}

func prepare(url, dir string) error {
	ctx := congthuong.NewContext(context.Background(), congthuong.System())
	s, err := store.Open(ctx, url, dir)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	ref, err := unit.Load(data.AdminUnits)
	if err != nil {
		return err
	}
	_, err = s.LoadUnits(ctx, ref)
	return err
}

// Main runs a package's tests and then drops the templates they made (the
// PostgreSQL database and the SQLite folder). Call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	DropTemplates()
	if sqliteTemplate != "" {
		os.RemoveAll(filepath.Dir(sqliteTemplate))
	}
	os.Exit(code)
}
