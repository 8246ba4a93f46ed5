package statsdb_test

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/unit/unitdb"
)

// benchIndicators is how many of the default indicators the generated
// values cover.
const benchIndicators = 26

// valueFile writes n values as a CSV file: the first benchIndicators
// stored (not computed) default indicators × the 3,355 units in force
// today × months from 2025-07 on.
func valueFile(b *testing.B, s *store.Store, n int) []byte {
	return valueFileFrom(b, s, 0, n)
}

// valueFileFrom is valueFile for the values from the skip-th on.
func valueFileFrom(b *testing.B, s *store.Store, skip, n int) []byte {
	b.Helper()
	ctx := congthuong.NewContext(context.Background(), congthuong.System())
	units, _, err := s.FindUnits(ctx, unitdb.UnitFilter{ValidOn: "2026-01-01", Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		b.Fatal(err)
	}
	var codes []string
	for off := 0; ; off += store.MaxLimit {
		page, _, err := s.FindUnits(ctx, unitdb.UnitFilter{ValidOn: "2026-01-01", Page: store.Page{Limit: store.MaxLimit, Offset: off}})
		if err != nil {
			b.Fatal(err)
		}
		for _, u := range page {
			if u.Code != congthuong.CountryCode {
				codes = append(codes, u.Code)
			}
		}
		if len(page) < store.MaxLimit {
			break
		}
	}
	_ = units
	var inds []string
	for _, ind := range stats.DefaultIndicators() {
		if ind.Kind != stats.Formula {
			inds = append(inds, ind.Code)
		}
	}
	// The first 26 stored indicators, RETAIL_SALES among them, whatever the
	// catalogue grows to: a month is then 87,230 values and a million
	// reach June 2026, so that the half-year 2026H1 is there to analyse
	// and the figures stay comparable from one catalogue to the next.
	inds = inds[:min(len(inds), benchIndicators)]
	var buf bytes.Buffer
	buf.WriteString("indicator,unit,period,value\n")
	rows := 0
	for month := 0; rows < skip+n; month++ {
		period := stats.MonthOf(2025+(6+month)/12, (6+month)%12+1).String()
		for _, ind := range inds {
			for _, u := range codes {
				if rows == skip+n {
					return buf.Bytes()
				}
				if rows < skip {
					rows++
					continue
				}
				fmt.Fprintf(&buf, "%s,%s,%s,%d.%d\n", ind, u, period, 1000+rows%9000, rows%10)
				rows++
			}
		}
	}
	return buf.Bytes()
}

// BenchmarkImportValues1M imports 1,000,000 values from CSV into an empty
// database (parsing included), once per iteration, on both databases
// (store); the baseline (raw) parses the same file with encoding/csv and
// writes the same rows into stat_values as the store writes new values
// (COPY on PostgreSQL, multi-row INSERT on SQLite), in one transaction,
// without the checks, the series or the audit.
func BenchmarkImportValues1M(b *testing.B) {
	for _, db := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(db.name, func(b *testing.B) {
			sys := congthuong.NewContext(context.Background(), congthuong.System())
			fresh := func(b *testing.B) *store.Store {
				s := db.open(b)
				if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
					b.Fatal(err)
				}
				return s
			}
			file := valueFile(b, fresh(b), 1_000_000)
			b.Run("store", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					s := fresh(b)
					b.StartTimer()
					res, err := s.ImportValues(sys, stats.ReadValueImport(bytes.NewReader(file)), false)
					if err != nil || res.Created+res.Unchanged != 1_000_000 {
						b.Fatalf("%+v %v", res, err)
					}
				}
			})
			b.Run("raw", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					s := fresh(b)
					b.StartTimer()
					if n := rawImport(b, s, file); n != 1_000_000 {
						b.Fatalf("%d rows written", n)
					}
				}
			})
		})
	}
}

// rawImport writes a value file's rows into stat_values as the store
// writes new values, with no checks (storetest.RawCopy).
func rawImport(b *testing.B, s *store.Store, file []byte) int {
	now := time.Now().UTC()
	row := make([]any, 0, 13)
	return storetest.RawCopy(b, s, file, "stat_values", []string{"indicator", "period", "unit_code", "unit_from", "year",
		"first_month", "last_month", "value", "status", "source", "revision", "updated_at", "updated_by"}, func(rec []string) ([]any, error) {
		p, err := stats.ParsePeriod(rec[2])
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(rec[3], 64)
		if err != nil {
			return nil, err
		}
		return append(row[:0], rec[0], rec[2], rec[1], "", p.Year, p.First, p.Last, v, "preliminary", "", 1, now, "bench"), nil
	})
}

// BenchmarkAnalytics1M imports 1,000,000 values (not timed), then analyses
// one indicator over all 3,355 units in force for a month (values stored),
// a quarter and a half year (sums of stored months); the baselines read
// the month's stored values with one SQL query, and sum the half year's
// months in SQL.
func BenchmarkAnalytics1M(b *testing.B) { benchAnalytics(b, 1) }

// BenchmarkAnalytics10M is BenchmarkAnalytics1M with 10,000,000 values,
// imported a million at a time (some 20 years of months).
func BenchmarkAnalytics10M(b *testing.B) { benchAnalytics(b, 10) }

func benchAnalytics(b *testing.B, millions int) {
	storetest.EachB(b, func(b *testing.B, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			b.Fatal(err)
		}
		for i := 0; i < millions; i++ {
			file := valueFileFrom(b, s, i*1_000_000, 1_000_000)
			if _, err := s.ImportValues(sys, stats.ReadValueImport(bytes.NewReader(file)), false); err != nil {
				b.Fatal(err)
			}
		}
		if s.Dialect.Name == "postgres" {
			for _, q := range []string{"VACUUM (ANALYZE)", "CHECKPOINT"} {
				if _, err := s.Read.ExecContext(sys, q); err != nil {
					b.Fatal(err)
				}
			}
		}
		for _, period := range []string{"2025-08", "2025Q4", "2026H1"} {
			p, _ := stats.ParsePeriod(period)
			b.Run("period="+period, func(b *testing.B) {
				storetest.Timed(b, func(int) {
					a, err := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: p, All: true})
					if err != nil || len(a.Units) != 3355 || a.Summary.Count != 3355 {
						b.Fatalf("%v units, %d with a value, %v", len(a.Units), a.Summary.Count, err)
					}
				})
			})
		}
		b.Run("raw-sql-half-sum", func(b *testing.B) {
			storetest.Timed(b, func(int) {
				rows, err := s.Read.QueryContext(sys, `SELECT unit_code, unit_from, year, SUM(value), COUNT(*) FROM stat_values
					WHERE indicator = $1 AND year IN ($2, $3) AND first_month = last_month AND first_month BETWEEN $4 AND $5
					GROUP BY unit_code, unit_from, year`, "RETAIL_SALES", 2026, 2025, 1, 6)
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for rows.Next() {
					n++
				}
				rows.Close()
				if n < 3355 {
					b.Fatalf("%d rows", n)
				}
			})
		})
		b.Run("raw-sql-month", func(b *testing.B) {
			storetest.Timed(b, func(int) {
				rows, err := s.Read.QueryContext(sys, `SELECT unit_code, value FROM stat_values
					WHERE indicator = $1 AND year = $2 AND first_month = $3 AND last_month = $3`, "RETAIL_SALES", 2025, 8)
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for rows.Next() {
					n++
				}
				rows.Close()
				if n != 3355 {
					b.Fatalf("%d rows", n)
				}
			})
		})
	})
}
