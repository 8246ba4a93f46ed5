package proceduredb_test

import (
	"context"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/procedure"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// generateDossiers writes n dossiers of one commune's desk straight into
// the table (the benchmark measures the scorecard, not filing), then
// counts them by month as filing would have: received
// every 30 s from 2025-01-01, due ten days later; four in five decided
// (one in ten of them late), the rest open.
func generateDossiers(b *testing.B, s *store.Store, n int) {
	b.Helper()
	ctx := context.Background()
	var q string
	cols := `code, procedure_code, unit_code, province_code, channel, applicant_name, applicant_phone, status, submitted_at,
		received_at, due_at, finished_at, finished_early, finished_late, created_by, version`
	if s.Dialect.Name == "postgres" {
		q = `INSERT INTO dossiers (` + cols + `) SELECT 'B-' || i, 'CT-THUOCLA-BANLE', '11560', '31', 1 + i % 3, 'Bench', '0912345678',
			CASE WHEN i % 5 = 0 THEN 'processing' ELSE 'returned' END, t, t, t + interval '10 days',
			CASE WHEN i % 5 = 0 THEN NULL WHEN i % 10 = 1 THEN t + interval '12 days' ELSE t + interval '5 days' END,
			i % 5 <> 0 AND i % 10 <> 1, i % 10 = 1, 'bench', 1
			FROM (SELECT i, timestamptz '2025-01-01 00:00:00+00' + i * interval '30 seconds' AS t FROM generate_series(1, $1) AS i) g`
	} else {
		ts := func(days string) string {
			return `strftime('%Y-%m-%d %H:%M:%S+00:00', 1735689600 + i * 30` + days + `, 'unixepoch')`
		}
		q = `WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < $1)
			INSERT INTO dossiers (` + cols + `) SELECT 'B-' || i, 'CT-THUOCLA-BANLE', '11560', '31', 1 + i % 3, 'Bench', '0912345678',
			CASE WHEN i % 5 = 0 THEN 'processing' ELSE 'returned' END, ` + ts("") + `, ` + ts("") + `, ` + ts(" + 864000") + `,
			CASE WHEN i % 5 = 0 THEN NULL WHEN i % 10 = 1 THEN ` + ts(" + 1036800") + ` ELSE ` + ts(" + 432000") + ` END,
			i % 5 <> 0 AND i % 10 <> 1, i % 10 = 1, 'bench', 1 FROM g`
	}
	if _, err := s.Read.ExecContext(ctx, q, n); err != nil {
		b.Fatal(err)
	}
	// Written past the store, so counted as every start counts them.
	start := time.Now()
	if err := s.RecountDossiers(congthuong.NewContext(ctx, congthuong.System())); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: %d dossiers recounted by month in %s", s.Dialect.Name, n, time.Since(start).Round(time.Millisecond))
	if s.Dialect.Name == "postgres" {
		if _, err := s.Read.ExecContext(ctx, "VACUUM (ANALYZE) dossiers"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScorecard1M counts a desk's month, quarter and year over
// 1,000,000 dossiers; the baseline counts the month's receipts in one query.
func BenchmarkScorecard1M(b *testing.B) {
	storetest.EachB(b, func(b *testing.B, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedProcedures(sys, procedure.Catalogue()); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		generateDossiers(b, s, 1_000_000)
		b.Logf("%s: 1,000,000 dossiers written in %s", s.Dialect.Name, time.Since(start).Round(time.Millisecond))
		for _, period := range []string{"2025-03", "2025Q2", "2025"} {
			p, _ := stats.ParsePeriod(period)
			b.Run("period="+period, func(b *testing.B) {
				storetest.Timed(b, func(int) {
					sc, err := s.Scorecard(sys, "11560", p)
					if err != nil || sc.Received == 0 {
						b.Fatalf("%+v %v", sc, err)
					}
				})
			})
		}
		b.Run("raw-sql-month-receipts", func(b *testing.B) {
			storetest.Timed(b, func(int) {
				var n int
				if err := s.Read.QueryRowContext(sys, `SELECT COUNT(*) FROM dossiers WHERE unit_code = $1 AND received_at >= $2 AND received_at < $3`,
					"11560", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)).Scan(&n); err != nil || n == 0 {
					b.Fatalf("%d %v", n, err)
				}
			})
		})
	})
}
