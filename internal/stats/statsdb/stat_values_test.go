package statsdb_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
)

func valueRows(rows ...stats.ValueRow) tabular.Source[stats.ValueRow] {
	return tabular.FromSeq(func(yield func(stats.ValueRow, error) bool) {
		for i, r := range rows {
			if r.Line == 0 {
				r.Line = i + 2
			}
			if r.Status == "" {
				r.Status = stats.Official
			}
			if !yield(r, nil) {
				return
			}
		}
	})
}

func period(t *testing.T, s string) stats.Period {
	t.Helper()
	p, err := stats.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIndicatorsAndValues(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		n, err := s.SeedIndicators(sys, stats.DefaultIndicators())
		if err != nil || n != len(stats.DefaultIndicators()) {
			t.Fatalf("seed: %d, %v", n, err)
		}
		if _, err := s.Catalog(context.Background()); err != nil {
			t.Fatal(err)
		}
		// A formula naming an unknown indicator does not fit the catalogue.
		bad := stats.Indicator{Code: "EXPORT_SHARE", NameVI: "x", NameEN: "x", Measure: "%", Kind: stats.Formula, Formula: "EXPORTS / GDP"}
		admin := storetest.As(congthuong.Actor{UserID: 1, Username: "admin", Role: congthuong.RoleAdmin, UnitCode: "VN"})
		if err := s.SaveIndicator(admin, bad); congthuong.ErrorFields(err)[0].Field != "formula" {
			t.Errorf("bad formula: %v", err)
		}
		if err := s.SaveIndicator(storetest.As(storetest.HaiPhongOfficer), stats.DefaultIndicators()[0]); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("officer saved an indicator: %v", err)
		}

		p2024, p2025 := period(t, "2024"), period(t, "2025")
		ctx := storetest.As(storetest.HaiPhongOfficer)
		good := []stats.ValueRow{
			{Indicator: "RETAIL_SALES", UnitCode: "31", Period: p2024, Value: 225784, Source: "Cục Thống kê"},
			{Indicator: "EXPORTS", UnitCode: "31", Period: p2024, Value: 36400},
			// Old Hải Dương (30) for 2024: dissolved into Hải Phòng, so Hải Phòng's officer enters it.
			{Indicator: "RETAIL_SALES", UnitCode: "30", Period: p2024, Value: 120000, Status: stats.Preliminary},
			{Indicator: "RETAIL_SALES", UnitCode: "11560", Period: period(t, "2025-07"), Value: 800, Status: stats.Estimate},
		}
		res, err := s.ImportValues(ctx, valueRows(good...), true)
		if err != nil || res.Created != 4 || !res.DryRun {
			t.Fatalf("dry run: %+v, %v", res, err)
		}
		if v, _ := s.Values(ctx, "RETAIL_SALES", p2024); len(v) != 0 {
			t.Fatalf("dry run wrote %d values", len(v))
		}
		if res, err = s.ImportValues(ctx, valueRows(good...), false); err != nil || res.Created != 4 {
			t.Fatalf("import: %+v, %v", res, err)
		}
		if res, err = s.ImportValues(ctx, valueRows(good...), false); err != nil || res.Unchanged != 4 || res.Created+res.Updated != 0 {
			t.Errorf("re-import: %+v, %v", res, err)
		}
		// Every bad row is named, and nothing of the file is written.
		badRows := []stats.ValueRow{
			{Indicator: "EXPORTS", UnitCode: "31", Period: p2025, Value: 40000},                 // 2: fine
			{Indicator: "GDP", UnitCode: "31", Period: p2025, Value: 1},                         // 3: unknown indicator
			{Indicator: "TRADE_BALANCE", UnitCode: "31", Period: p2025, Value: 8},               // 4: computed
			{Indicator: "RETAIL_SALES", UnitCode: "31", Period: p2025, Value: -5},               // 5: negative
			{Indicator: "RETAIL_SALES", UnitCode: "99", Period: p2025, Value: 5},                // 6: no such unit
			{Indicator: "RETAIL_SALES", UnitCode: "30", Period: period(t, "2025-08"), Value: 5}, // 7: Hải Dương is gone
			{Indicator: "RETAIL_SALES", UnitCode: "01", Period: p2025, Value: 5},                // 8: Hà Nội, not in scope
			{Indicator: "EXPORTS", UnitCode: "31", Period: p2025, Value: 40001},                 // 9: repeats row 2
		}
		_, err = s.ImportValues(ctx, valueRows(badRows...), false)
		var got []int
		for _, f := range congthuong.ErrorFields(err) {
			got = append(got, f.Row)
		}
		if !slices.Equal(got, []int{3, 4, 5, 6, 7, 8, 9}) {
			t.Errorf("bad rows named: %v (%v)", got, err)
		}
		if v, _ := s.Values(ctx, "EXPORTS", p2025); len(v) != 0 {
			t.Errorf("a refused import wrote %v", v)
		}
		// Code 24 is Bắc Giang for 2024 and Bắc Ninh from July 2025: two units.
		national := storetest.As(congthuong.Actor{UserID: 2, Username: "gso", Role: congthuong.RoleOfficer, UnitCode: "VN"})
		if _, err := s.ImportValues(national, valueRows(
			stats.ValueRow{Indicator: "EXPORTS", UnitCode: "24", Period: p2024, Value: 30000},
			stats.ValueRow{Indicator: "EXPORTS", UnitCode: "24", Period: p2025, Value: 50000}), false); err != nil {
			t.Fatal(err)
		}
		v24, _ := s.Values(ctx, "EXPORTS", p2024)
		v25, _ := s.Values(ctx, "EXPORTS", p2025)
		if len(v24) != 2 || len(v25) != 1 || v24[0].UnitCode != "24" || v24[0].UnitFrom == v25[0].UnitFrom {
			t.Errorf("code 24: 2024 %+v, 2025 %+v; want two different units", v24, v25)
		}
		// Suspicious values are warned about, not refused.
		odd := stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: p2025, Value: 900000}
		res, err = s.ImportValues(national, valueRows(odd), true)
		if err != nil || len(res.Warnings) != 0 {
			t.Errorf("2025 against old Hải Phòng's 2024 (another unit): %+v, %v", res, err)
		}
		odd.Period, odd.Value = period(t, "2024"), 500000
		file := valueRows(stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: period(t, "2023"), Value: 200000}, odd)
		if res, err = s.ImportValues(ctx, file, true); err != nil || len(res.Warnings) != 1 || res.Warnings[0].Row != 3 {
			t.Errorf("a value more than doubling: %+v, %v", res, err)
		}
		// A revision keeps the value it replaces.
		revised := good[0]
		revised.Value, revised.Source = 225800, "Cục Thống kê (điều chỉnh)"
		if res, err := s.ImportValues(ctx, valueRows(revised), false); err != nil || res.Updated != 1 {
			t.Fatalf("revise: %+v, %v", res, err)
		}
		cur, _ := s.Values(ctx, "RETAIL_SALES", p2024)
		revs, err := s.ValueRevisions(ctx, "RETAIL_SALES", p2024, "31")
		if err != nil || len(revs) != 1 || revs[0].Value != 225784 || revs[0].Revision != 1 {
			t.Errorf("revisions: %+v, %v", revs, err)
		}
		for _, v := range cur {
			if v.UnitCode == "31" && (v.Value != 225800 || v.Revision != 2) {
				t.Errorf("current: %+v", v)
			}
		}
		// The public sees official figures only: not Hải Dương's preliminary one.
		if pub, _ := s.Values(context.Background(), "RETAIL_SALES", p2024); len(pub) != 1 || pub[0].UnitCode != "31" {
			t.Errorf("public values: %+v", pub)
		}
		// The public sees the official figures a value went through, without
		// who entered them.
		if pub, err := s.ValueRevisions(context.Background(), "RETAIL_SALES", p2024, "31"); err != nil || len(pub) != len(revs) ||
			len(pub) > 0 && (pub[0].UpdatedBy != "" || pub[0].Status != stats.Official) {
			t.Errorf("public revisions: %+v %v", pub, err)
		}
		entries, total, _ := s.FindAuditEntries(sys, store.AuditFilter{Entity: "stat_values"})
		if total != 3 || entries[0].After == "" {
			t.Errorf("imports audited: %d", total)
		}
	})
}

func TestValueOutlierWarning(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		var rows []stats.ValueRow
		for m := 1; m <= 12; m++ {
			rows = append(rows, stats.ValueRow{Indicator: "EXPORTS", UnitCode: "31", Period: stats.MonthOf(2025, m), Value: 3000 + float64(m%4)*40})
		}
		if res, err := s.ImportValues(sys, valueRows(rows...), false); err != nil || len(res.Warnings) != 0 {
			t.Fatalf("a steady year: %+v, %v", res, err)
		}
		res, err := s.ImportValues(sys, valueRows(stats.ValueRow{Indicator: "EXPORTS", UnitCode: "31", Period: stats.MonthOf(2026, 1), Value: 30000}), true)
		if err != nil || len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0].Text(), "outlier") {
			t.Errorf("ten times the usual month: %+v, %v", res, err)
		}
	})
}

// TestConcurrentImportsOfOneYear imports the twelve months of one series at
// once, each from its own writer, twice (created, then revised): every
// import succeeds, and the analytics' copy holds all twelve, as the values
// do. On PostgreSQL, writers of one year that did not take turns would each
// miss the others' months.
func TestConcurrentImportsOfOneYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		for round, base := range []float64{1000, 2000} {
			errs := make(chan error, 12)
			for m := 1; m <= 12; m++ {
				go func() {
					_, err := s.ImportValues(sys, valueRows(
						stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: period(t, fmt.Sprintf("2024-%02d", m)), Value: base + float64(m)},
						stats.ValueRow{Indicator: "EXPORTS", UnitCode: "31", Period: period(t, fmt.Sprintf("2024-%02d", 13-m)), Value: base - float64(m)},
					), false)
					errs <- err
				}()
			}
			for range 12 {
				if err := <-errs; err != nil {
					t.Errorf("round %d: %v", round, err)
				}
			}
			if err := s.CheckSeries(sys); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			a, err := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: period(t, "2024"), Units: []string{"31"}})
			if err != nil {
				t.Fatal(err)
			}
			if want := 12*base + 78; !near(a.Units[0].Value, want) {
				t.Errorf("round %d: the year's retail sales are %v, want the sum of its twelve months, %v", round, show(a.Units[0].Value), want)
			}
		}
	})
}
