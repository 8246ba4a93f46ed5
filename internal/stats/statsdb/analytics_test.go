package statsdb_test

import (
	"context"
	"math"
	"testing"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func near(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 1e-6 }

func TestAnalytics(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		groups, err := s.FindGroups(sys)
		if err != nil {
			t.Fatal(err)
		}
		var north []string
		for _, g := range groups {
			if g.Code == "ct28_phiabac" {
				for _, m := range g.Members {
					north = append(north, m.UnitCode)
				}
			}
		}
		if len(north) != 28 {
			t.Fatalf("ct28_phiabac has %d members", len(north))
		}
		// Industrial production, January–April 2024: 25 of 28 grew, 11 by 10% or more.
		ytd := period(t, "2024-01..2024-04")
		var rows []stats.ValueRow
		for i, code := range north {
			iip := 104.0
			switch {
			case i < 3:
				iip = 97.5 // 3 fell
			case i < 14:
				iip = 110 + float64(i) // 11 grew by 10% or more
			}
			rows = append(rows, stats.ValueRow{Indicator: "IIP", UnitCode: code, Period: ytd, Value: iip})
		}
		// Retail sales: 2024 of old Hải Phòng (31) and old Hải Dương (30), 2025 of the new Hải Phòng, and Hà Nội.
		y24, y25 := period(t, "2024"), period(t, "2025")
		rows = append(rows,
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: y24, Value: 100},
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "30", Period: y24, Value: 50},
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: y25, Value: 180},
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "01", Period: y24, Value: 300},
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "01", Period: y25, Value: 360, Status: stats.Estimate},
			// Exports by quarter: the year is their sum.
			// The first half of 2025 belongs to old Hải Phòng and old Hải Dương.
			stats.ValueRow{Indicator: "EXPORTS", UnitCode: "31", Period: period(t, "2025H1"), Value: 15},
			stats.ValueRow{Indicator: "EXPORTS", UnitCode: "30", Period: period(t, "2025H1"), Value: 5},
			stats.ValueRow{Indicator: "EXPORTS", UnitCode: "31", Period: period(t, "2025Q3"), Value: 10},
			stats.ValueRow{Indicator: "EXPORTS", UnitCode: "31", Period: period(t, "2025Q4"), Value: 12},
			stats.ValueRow{Indicator: "IMPORTS", UnitCode: "31", Period: y25, Value: 30},
		)
		if _, err := s.ImportValues(sys, valueRows(rows...), false); err != nil {
			t.Fatal(err)
		}

		a, err := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "IIP", Period: ytd, Group: "ct28_phiabac"})
		if err != nil {
			t.Fatal(err)
		}
		if a.Summary.Count != 28 || a.Summary.CountGrowthPositive != 25 || a.Summary.CountGrowthAtLeast10 != 11 || a.Summary.Total != nil {
			t.Errorf("IIP summary: %+v", a.Summary)
		}
		if a.Units[13].Rank != 1 || !near(a.Units[13].GrowthPct, 23) {
			t.Errorf("the best grower: %+v", a.Units[13])
		}

		a, err = s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: y25, Units: []string{"31", "01"}})
		if err != nil {
			t.Fatal(err)
		}
		hp, hn := a.Units[0], a.Units[1]
		if !near(hp.Value, 180) || !near(hp.PreviousYearValue, 150) || !hp.Restated || !near(hp.GrowthPct, 20) || hp.Rank != 2 {
			t.Errorf("Hải Phòng 2025 against old Hải Phòng + Hải Dương: %+v", hp)
		}
		if !near(hn.SharePct, 200.0/3) || hn.Rank != 1 {
			t.Errorf("Hà Nội: %+v", hn)
		}
		if !near(a.Summary.Total, 540) || !near(a.Summary.TotalPreviousYear, 450) || !near(a.Summary.TotalGrowthPct, 20) {
			t.Errorf("retail summary: %+v", a.Summary)
		}
		// The public sees official values only: Hà Nội's 2025 is an estimate.
		pub, err := s.Analyze(context.Background(), statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: y25, Units: []string{"31", "01"}})
		if err != nil || pub.Units[1].Value != nil || pub.Summary.Count != 1 {
			t.Errorf("public analysis: %+v, %v", pub, err)
		}
		// A year from its half and quarters; a formula on those.
		a, err = s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "TRADE_BALANCE", Period: y25, Units: []string{"31"}})
		if err != nil || !near(a.Units[0].Value, 42-30) {
			t.Errorf("trade balance 2025: %+v, %v", a, err)
		}
		// Live: a value saved is in the next answer.
		if _, err := s.ImportValues(sys, valueRows(stats.ValueRow{Indicator: "IMPORTS", UnitCode: "31", Period: y25, Value: 40}), false); err != nil {
			t.Fatal(err)
		}
		if a, _ := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "TRADE_BALANCE", Period: y25, Units: []string{"31"}}); !near(a.Units[0].Value, 2) {
			t.Errorf("after a revision: %+v", a.Units[0])
		}
		for _, q := range []statsdb.AnalyticsQuery{
			{Indicator: "GDP", Period: y25, Units: []string{"31"}},
			{Indicator: "EXPORTS", Period: y25, Units: []string{"999"}},
			{Indicator: "EXPORTS", Period: y25, Group: "nowhere"},
			{Indicator: "EXPORTS", Period: y25},
		} {
			if _, err := s.Analyze(sys, q); congthuong.ErrorCode(err) != congthuong.EINVALID {
				t.Errorf("%+v: %v", q, err)
			}
		}
		if a, err := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "EXPORTS", Period: y25, ChildrenOf: "31"}); err != nil || len(a.Units) != 114 {
			t.Errorf("communes of Hải Phòng: %d, %v", len(a.Units), err)
		}
		// The analytics' copy of the values agrees with them, and is
		// written again from them when it does not.
		if err := s.CheckSeries(sys); err != nil {
			t.Error(err)
		}
		if _, err := s.Read.ExecContext(sys, `DELETE FROM stat_series WHERE indicator = 'EXPORTS'`); err != nil {
			t.Fatal(err)
		}
		if err := s.CheckSeries(sys); err == nil {
			t.Error("CheckSeries found nothing missing")
		}
		if err := s.RebuildSeries(sys); err != nil {
			t.Fatal(err)
		}
		if err := s.CheckSeries(sys); err != nil {
			t.Error(err)
		}
		if a, _ := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "TRADE_BALANCE", Period: y25, Units: []string{"31"}}); !near(a.Units[0].Value, 2) {
			t.Errorf("after the rebuild: %+v", a.Units[0])
		}
	})
}

func TestTargets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		var rows []stats.ValueRow
		for m := 1; m <= 4; m++ {
			rows = append(rows, stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: stats.MonthOf(2026, m), Value: 20000})
		}
		if _, err := s.ImportValues(sys, valueRows(rows...), false); err != nil {
			t.Fatal(err)
		}
		target := stats.Target{Indicator: "RETAIL_SALES", UnitCode: "31", Period: stats.YearOf(2026), Value: 260000,
			Resolution: "Nghị quyết (thử)", ResolutionDate: "2025-12-10"}
		if err := s.SaveTarget(storetest.As(storetest.ThuyNguyen), target); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("a commune officer set the province's target: %v", err)
		}
		bad := target
		bad.Resolution = ""
		if err := s.SaveTarget(sys, bad); congthuong.ErrorFields(err)[0].Field != "resolution" {
			t.Errorf("target without its resolution: %v", err)
		}
		if err := s.SaveTarget(storetest.As(storetest.HaiPhongOfficer), target); err != nil {
			t.Fatal(err)
		}
		// April alone, against the year: the year to date (80,000) is 30.8% of 260,000,
		// and 22,500 a month is needed for the remaining eight months.
		a, err := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: stats.MonthOf(2026, 4), Units: []string{"31"}})
		if err != nil {
			t.Fatal(err)
		}
		f := a.Units[0]
		if !near(f.Target, 260000) || !near(f.AttainmentPct, 80000.0/260000*100) || !near(f.NeededPerMonth, 22500) || f.Resolution != "Nghị quyết (thử)" {
			t.Errorf("attainment: %+v", f.Attainment)
		}
		target.Value = 250000
		if err := s.SaveTarget(storetest.As(storetest.HaiPhongOfficer), target); err != nil {
			t.Fatal(err)
		}
		if a, _ := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: stats.MonthOf(2026, 4), Units: []string{"31"}}); !near(a.Units[0].Target, 250000) {
			t.Errorf("revised target: %+v", a.Units[0].Attainment)
		}
		if _, total, _ := s.FindAuditEntries(sys, store.AuditFilter{Entity: "stat_target"}); total != 2 {
			t.Errorf("target changes audited: %d", total)
		}
	})
}
