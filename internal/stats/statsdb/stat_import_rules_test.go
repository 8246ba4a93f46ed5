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

// TestImportRespectsApprovedReports follows the attack found on the
// platform: a commune enters its October report, the department approves
// it, and the commune then imports a file for the same unit and period.
// The import must not change the approved figure (409 naming the row,
// nothing written), a commune may not publish official figures, and a row
// without a status is preliminary.
func TestImportRespectsApprovedReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		commune, department := storetest.As(storetest.ThuyNguyen), storetest.As(storetest.HaiPhongOfficer)
		oct := stats.MonthOf(2026, 10)
		if err := s.EnterDataSet(commune, "commune_retail_monthly", "11560", "2026-10", map[string]float64{"RETAIL_SALES": 812.5}, "Phường"); err != nil {
			t.Fatal(err)
		}
		if err := s.DecideDataSet(department, "commune_retail_monthly", "11560", "2026-10", true, ""); err != nil {
			t.Fatal(err)
		}
		public := func() []statsdb.StoredValue {
			t.Helper()
			v, err := s.UnitValues(context.Background(), "RETAIL_SALES", oct, "11560")
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		importFile := func(ctx context.Context, body string) (statsdb.ValueImportResult, error) {
			return s.ImportValues(ctx, stats.ReadValueImport(strings.NewReader("indicator,unit,period,value,status,source\n"+body)), false)
		}

		// The attack: a changed value for the approved month.
		_, err := importFile(commune, "RETAIL_SALES,11560,2026-10,999,preliminary\n")
		if congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Fatalf("changing an approved figure: %v; want a conflict", err)
		}
		if f := congthuong.ErrorFields(err); len(f) != 1 || f[0].Row != 2 || !strings.Contains(f[0].Text(), "commune_retail_monthly/11560/2026-10") {
			t.Errorf("the conflict names the row and the report: %+v", f)
		}
		if v := public(); len(v) != 1 || v[0].Value != 812.5 || v[0].Status != stats.Official {
			t.Errorf("the public figure after the refused import: %+v", v)
		}
		// Even the department changes an approved report only by reopening it.
		if _, err := importFile(department, "RETAIL_SALES,11560,2026-10,999,official\n"); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("the department overwriting an approved report: %v", err)
		}
		// The same figure again changes nothing and is allowed.
		if res, err := importFile(department, "RETAIL_SALES,11560,2026-10,812.5,official,Phường\n"); err != nil || res.Unchanged != 1 {
			t.Errorf("re-importing the approved figure: %+v, %v", res, err)
		}

		// A commune may not publish, and a row without a status is preliminary.
		_, err = importFile(commune, "RETAIL_SALES,11560,2026-09,700,official\n")
		if f := congthuong.ErrorFields(err); congthuong.ErrorCode(err) != congthuong.EINVALID || len(f) != 1 || f[0].Field != "status" {
			t.Errorf("a commune publishing an official figure: %v", err)
		}
		if _, err := importFile(commune, "RETAIL_SALES,11560,2026-09,700,\n"); err != nil {
			t.Fatal(err)
		}
		sep := stats.MonthOf(2026, 9)
		if v, _ := s.UnitValues(sys, "RETAIL_SALES", sep, "11560"); len(v) != 1 || v[0].Status != stats.Preliminary {
			t.Errorf("a row without a status: %+v", v)
		}
		if v, _ := s.UnitValues(context.Background(), "RETAIL_SALES", sep, "11560"); len(v) != 0 {
			t.Errorf("the public sees a preliminary figure: %+v", v)
		}

		// An official figure the department published outside any report is
		// the department's to change.
		if _, err := importFile(department, "RETAIL_SALES,11560,2026-08,650,official\n"); err != nil {
			t.Fatal(err)
		}
		if _, err := importFile(commune, "RETAIL_SALES,11560,2026-08,1,preliminary\n"); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a commune replacing an official figure: %v", err)
		}
		// A file with a bad row and a locked one lists both, as invalid.
		_, err = importFile(commune, "RETAIL_SALES,11560,2026-08,1,preliminary\nRETAIL_SALES,99999,2026-07,1,\n")
		if f := congthuong.ErrorFields(err); congthuong.ErrorCode(err) != congthuong.EINVALID || len(f) != 2 {
			t.Errorf("a bad row and a locked one: %v", err)
		}

		// Once the department reopens the report, the commune enters it again.
		if err := s.DecideDataSet(department, "commune_retail_monthly", "11560", "2026-10", false, "Sửa lại"); err != nil {
			t.Fatal(err)
		}
		if err := s.EnterDataSet(commune, "commune_retail_monthly", "11560", "2026-10", map[string]float64{"RETAIL_SALES": 820}, "Phường"); err != nil {
			t.Fatalf("re-entering a returned report: %v", err)
		}
		if v, _ := s.UnitValues(sys, "RETAIL_SALES", oct, "11560"); len(v) != 1 || v[0].Value != 820 || v[0].Status != stats.Preliminary {
			t.Errorf("the re-entered figure: %+v", v)
		}
		if err := s.CheckSeries(sys); err != nil {
			t.Error(err)
		}
	})
}

// TestUnpublishedFiguresStayWithStaff: an enterprise user is not staff; like
// the public it sees official figures only, and never who entered them.
func TestUnpublishedFiguresStayWithStaff(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		oct, sep := stats.MonthOf(2026, 10), stats.MonthOf(2026, 9)
		if err := s.EnterDataSet(storetest.As(storetest.ThuyNguyen), "commune_retail_monthly", "11560", "2026-10", map[string]float64{"RETAIL_SALES": 812.5}, "Ghi chú nội bộ"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ImportValues(storetest.As(storetest.HaiPhongOfficer), valueRows(stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "11560", Period: sep,
			Value: 700, Status: stats.Official, Source: "Cục Thống kê"}), false); err != nil {
			t.Fatal(err)
		}
		for name, ctx := range map[string]context.Context{"public": context.Background(), "enterprise": storetest.As(storetest.EnterpriseOwner)} {
			if v, err := s.UnitValues(ctx, "RETAIL_SALES", oct, "11560"); err != nil || len(v) != 0 {
				t.Errorf("%s: the preliminary figure: %+v, %v", name, v, err)
			}
			v, err := s.UnitValues(ctx, "RETAIL_SALES", sep, "11560")
			if err != nil || len(v) != 1 || v[0].UpdatedBy != "" {
				t.Errorf("%s: the official figure, without who entered it: %+v, %v", name, v, err)
			}
			var seen []string
			if err := s.EachValue(ctx, "RETAIL_SALES", 2026, func(v statsdb.StoredValue) error {
				seen = append(seen, v.Period+" "+v.UpdatedBy)
				return nil
			}); err != nil || len(seen) != 1 || seen[0] != "2026-09 " {
				t.Errorf("%s: the export: %q, %v", name, seen, err)
			}
			a, err := s.Analyze(ctx, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: oct, Units: []string{"11560"}})
			if err != nil || a.Summary.Count != 0 {
				t.Errorf("%s: the analysis of the preliminary month: %+v, %v", name, a.Summary, err)
			}
		}
		for _, staff := range []congthuong.Actor{storetest.ThuyNguyen, storetest.HaiPhongOfficer, storetest.HaiPhongLeader} {
			if v, err := s.UnitValues(storetest.As(staff), "RETAIL_SALES", oct, "11560"); err != nil || len(v) != 1 || v[0].UpdatedBy == "" {
				t.Errorf("%s sees the preliminary figure and who entered it: %+v, %v", staff.Username, v, err)
			}
		}
		// Another commune's and another province's officers see the
		// figure once it is official, not before.
		for _, other := range []congthuong.Actor{storetest.CatHai, storetest.HaNoiOfficer} {
			if v, err := s.UnitValues(storetest.As(other), "RETAIL_SALES", oct, "11560"); err != nil || len(v) != 0 {
				t.Errorf("%s sees another unit's preliminary figure: %+v, %v", other.Username, v, err)
			}
			if a, err := s.Analyze(storetest.As(other), statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: oct, Units: []string{"11560"}}); err != nil || a.Summary.Count != 0 {
				t.Errorf("%s analyses another unit's preliminary figure: %+v, %v", other.Username, a.Summary, err)
			}
		}
		if a, err := s.Analyze(storetest.As(storetest.HaiPhongOfficer), statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: oct, Units: []string{"11560"}}); err != nil || a.Summary.Count != 1 {
			t.Errorf("the province analyses its commune's preliminary figure: %+v, %v", a.Summary, err)
		}
	})
}
