package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// columns lists table.column pairs of the schema, in order. The full-text
// index enterprise_search is left out: it is an FTS5 table (with its shadow
// tables) on SQLite and a tsvector table on PostgreSQL by design, and the
// search tests show both answer alike.
func columns(t *testing.T, db *sql.DB, dialect string) []string {
	t.Helper()
	q := `SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'
		AND table_name NOT LIKE 'enterprise\_search%'`
	if dialect == "sqlite" {
		q = `SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
			AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'enterprise\_search%' ESCAPE '\'`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// TestSchemasMatch proves the SQLite and PostgreSQL migrations produce the
// same tables and columns.
func TestSchemasMatch(t *testing.T) {
	lite, pg := storetest.SQLite(t), storetest.Postgres(t)
	if diff := cmp.Diff(columns(t, lite.Read.DB, "sqlite"), columns(t, pg.Read.DB, "postgres")); diff != "" {
		t.Errorf("schemas differ (-sqlite +postgres):\n%s", diff)
	}
}

// TestPlaceholdersByNumber guards against a driver that binds $N by order of
// appearance, which would silently swap arguments in shared SQL.
func TestPlaceholdersByNumber(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		var a, b string
		if err := s.Read.QueryRow(`SELECT CAST($2 AS TEXT), CAST($1 AS TEXT)`, "one", "two").Scan(&a, &b); err != nil {
			t.Fatal(err)
		}
		if a != "two" || b != "one" {
			t.Errorf("SELECT $2, $1 = %s, %s; want two, one", a, b)
		}
	})
}

// TestAuditChainConcurrent writes from many goroutines at once and checks
// that the chain stays intact and complete.
func TestAuditChainConcurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := congthuong.NewContext(context.Background(), congthuong.System())
		_, before, _ := s.FindAuditEntries(ctx, store.AuditFilter{})
		codes := []string{}
		for n := 100001; len(codes) < 24; n++ {
			if tc, ok := enterprise.WithCheckDigit(fmt.Sprintf("02%07d", n)); ok {
				codes = append(codes, tc)
			}
		}
		var wg sync.WaitGroup
		errs := make(chan error, len(codes))
		for _, tc := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- s.CreateEnterprise(ctx, &enterprise.Enterprise{TaxCode: tc, Name: "DN " + tc, UnitCode: "31"})
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		n, broken, err := s.VerifyAudit(ctx)
		if err != nil || broken != nil {
			t.Fatalf("chain: %+v, %v", broken, err)
		}
		if n != before+len(codes) {
			t.Errorf("%d entries, want %d", n, before+len(codes))
		}
	})
}

// TestMigrationRepairs upgrades an installation of the version before the
// sites' features (0011) that holds a site: the features are written by the
// repair 0012 asked for, with today's code, once the whole schema is in
// place; the repair's mark is gone; a second start finds nothing to do.
func TestMigrationRepairs(t *testing.T) {
	for name, url := range map[string]string{"sqlite": "", "postgres": storetest.EmptyPostgres(t)} {
		t.Run(name, func(t *testing.T) {
			ctx := congthuong.NewContext(context.Background(), congthuong.System())
			s, err := store.Open(ctx, url, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.MigrateTo(ctx, "0011_park_tenants.sql"); err != nil {
				t.Fatal(err)
			}
			now := time.Now().UTC()
			if _, err := s.Read.Exec(`INSERT INTO parks (code, kind, type, name_vi, search_name, unit_code, province_code, status,
				decision, planned_m2, industrial_m2, leasable_m2, leased_m2, geometry, lon, lat, published, version, created_at, updated_at)
				VALUES ('KCN-CU', 'park', 'general', 'Khu cũ', 'khu cu', '31', '31', 'operating', '{"number":"1/QĐ","date":"2010-01-01"}',
				1000000, 800000, 800000, 0, '{"type":"Point","coordinates":[106.7,20.8]}', 106.7, 20.8, $1, 1, $2, $2)`, true, now); err != nil {
				t.Fatal(err)
			}
			applied, err := s.Migrate(ctx)
			if err != nil || len(applied) == 0 || !strings.HasSuffix(applied[0], "/0012_park_features.sql") {
				t.Fatalf("upgrade: %v, %v", applied, err)
			}
			var feature, marks string
			if err := s.Read.QueryRow(`SELECT feature FROM parks WHERE code = 'KCN-CU'`).Scan(&feature); err != nil ||
				!strings.Contains(feature, `"code":"KCN-CU"`) || !strings.Contains(feature, `"Point"`) {
				t.Errorf("the old site's feature: %q, %v", feature, err)
			}
			if err := s.Read.QueryRow(`SELECT COALESCE(MAX(key), '') FROM settings WHERE key LIKE 'repair:%'`).Scan(&marks); err != nil || marks != "" {
				t.Errorf("repair marks left: %q, %v", marks, err)
			}
			if applied, err := s.Migrate(ctx); err != nil || len(applied) != 0 {
				t.Errorf("second start: %v, %v", applied, err)
			}
		})
	}
}
