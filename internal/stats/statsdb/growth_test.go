package statsdb_test

import (
	"context"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestPublishedGrowth: the department imports the growth rates the
// statistics office published; the analytics then give the published rate,
// marked, and keep their own beside it; a re-import replaces it; a commune
// may not publish one, and a file with bad rows names each and writes
// nothing.
func TestPublishedGrowth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		department := storetest.As(storetest.HaiPhongOfficer)
		values := "indicator,unit,period,value,status\nEXPORTS,31,2024,36400,official\nEXPORTS,31,2023,30000,official\n"
		if _, err := s.ImportValues(department, stats.ReadValueImport(strings.NewReader(values)), false); err != nil {
			t.Fatal(err)
		}
		growth := func(ctx context.Context, body string) (statsdb.GrowthImportResult, error) {
			return s.ImportGrowth(ctx, stats.ReadGrowthImport(strings.NewReader("chỉ tiêu,đơn vị,kỳ,tốc độ tăng,nguồn\n"+body)), false)
		}
		figure := func() stats.UnitFigure {
			t.Helper()
			a, err := s.Analyze(context.Background(), statsdb.AnalyticsQuery{Indicator: "EXPORTS", Period: stats.YearOf(2024), Units: []string{"31"}})
			if err != nil {
				t.Fatal(err)
			}
			return a.Units[0]
		}
		if f := figure(); f.GrowthPublished || f.GrowthPct == nil || *f.GrowthPct < 21.3 || *f.GrowthPct > 21.4 {
			t.Fatalf("before: %+v", f)
		}

		// Bad rows: each named, nothing written.
		_, err := growth(department, "EXPORTS,31,2024,abc,\nNOPE,31,2024,5,\nEXPORTS,99999,2024,5,\nEXPORTS,31,2024,-120,\n")
		fields := congthuong.ErrorFields(err)
		if congthuong.ErrorCode(err) != congthuong.EINVALID || len(fields) != 4 {
			t.Fatalf("bad rows: %v %+v", err, fields)
		}
		for i, f := range fields {
			if f.Row != i+2 {
				t.Errorf("problem %d names row %d", i, f.Row)
			}
		}
		if f := figure(); f.GrowthPublished {
			t.Errorf("a refused file wrote a rate")
		}
		// A commune does not publish the statistics office's rates.
		if _, err := growth(storetest.As(storetest.ThuyNguyen), "EXPORTS,11560,2024,5,\n"); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("a commune publishing a rate: %v", err)
		}

		res, err := growth(department, "EXPORTS,31,2024,\"19,7%\",Cục Thống kê\n")
		if err != nil || res.Created != 1 {
			t.Fatalf("import: %+v %v", res, err)
		}
		f := figure()
		if !f.GrowthPublished || *f.GrowthPct != 19.7 || f.ComputedGrowthPct == nil || *f.ComputedGrowthPct < 21.3 {
			t.Errorf("after: %+v", f)
		}
		if res, err := growth(department, "EXPORTS,31,2024,19.8,Cục Thống kê (sửa)\n"); err != nil || res.Updated != 1 {
			t.Errorf("re-import: %+v %v", res, err)
		}
		if f := figure(); *f.GrowthPct != 19.8 {
			t.Errorf("the rate was not replaced: %v", *f.GrowthPct)
		}
	})
}
