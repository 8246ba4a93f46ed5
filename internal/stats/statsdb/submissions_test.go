package statsdb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestDataEntryAndApproval(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		cal, err := calendar.New(calendar.DefaultRules(), calendar.ShippedOverrides(), calendar.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		// Entered on Wednesday 1 April 2026, before the due day.
		s.Now = func() time.Time { return time.Date(2026, 4, 1, 10, 0, 0, 0, congthuong.Location) }
		commune := storetest.As(storetest.ThuyNguyen)
		figures := map[string]float64{"RETAIL_SALES": 812.5}
		if err := s.EnterDataSet(storetest.As(storetest.CatHai), "commune_retail_monthly", "11560", "2026-03", figures, ""); congthuong.ErrorCode(err) != congthuong.EINVALID &&
			congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("another commune entering Thủy Nguyên's report: %v", err)
		}
		for name, test := range map[string]struct {
			ds, unit, period string
			values           map[string]float64
			field            string
		}{
			"month of a half-yearly set": {"clusters_half_yearly", "31", "2026-03", map[string]float64{"CLUSTERS": 1, "CLUSTER_AREA": 2}, "period"},
			"figure missing":             {"commune_retail_monthly", "11560", "2026-03", map[string]float64{}, "RETAIL_SALES"},
			"foreign figure":             {"commune_retail_monthly", "11560", "2026-03", map[string]float64{"RETAIL_SALES": 1, "EXPORTS": 2}, "EXPORTS"},
			"province in a commune set":  {"commune_retail_monthly", "31", "2026-03", figures, "unit"},
			"negative":                   {"commune_retail_monthly", "11560", "2026-03", map[string]float64{"RETAIL_SALES": -1}, "RETAIL_SALES"},
		} {
			err := s.EnterDataSet(commune, test.ds, test.unit, test.period, test.values, "")
			if f := congthuong.ErrorFields(err); len(f) == 0 || f[0].Field != test.field {
				t.Errorf("%s: %v; want a problem with %s", name, err, test.field)
			}
		}
		if err := s.EnterDataSet(commune, "commune_retail_monthly", "11560", "2026-03", figures, "Phường Thủy Nguyên"); err != nil {
			t.Fatal(err)
		}
		p, _ := stats.ParsePeriod("2026-03")
		if v, _ := s.Values(context.Background(), "RETAIL_SALES", p); len(v) != 0 {
			t.Errorf("the public sees an unapproved figure: %+v", v)
		}
		// August 2025 was a tenth of August 2026: the approver sees a warning.
		if _, err := s.ImportValues(commune, valueRows(stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "11560",
			Period: stats.MonthOf(2025, 8), Value: 80, Status: stats.Preliminary}), false); err != nil {
			t.Fatal(err)
		}
		if err := s.EnterDataSet(commune, "commune_retail_monthly", "11560", "2026-08", figures, ""); err != nil {
			t.Fatal(err)
		}
		aug, _, err := s.Submissions(storetest.As(storetest.HaiPhongOfficer), "commune_retail_monthly", "2026-08", "31", cal)
		for _, sub := range aug {
			if sub.UnitCode == "11560" && (err != nil || len(sub.Warnings) != 1 || sub.Warnings[0].Field != "RETAIL_SALES" || !strings.Contains(sub.Warnings[0].Text(), "+915.6%")) {
				t.Errorf("warnings for the approver: %+v, %v", sub.Warnings, err)
			}
		}
		subs, c, err := s.Submissions(storetest.As(storetest.HaiPhongOfficer), "commune_retail_monthly", "2026-03", "31", cal)
		if err != nil || c.Expected != 114 || c.Entered != 1 || c.OnTime != 1 || c.Approved != 0 {
			t.Fatalf("completeness: %+v, %v", c, err)
		}
		for _, sub := range subs {
			// 3 working days after 31 March 2026: Friday 3 April, at the close of office hours.
			if sub.Due.In(congthuong.Location).Format("2006-01-02 15:04") != "2026-04-03 17:00" {
				t.Fatalf("due %s", sub.Due)
			}
		}
		if err := s.DecideDataSet(commune, "commune_retail_monthly", "11560", "2026-03", true, ""); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("the commune approving its own report: %v", err)
		}
		if err := s.DecideDataSet(storetest.As(storetest.HaiPhongOfficer), "commune_retail_monthly", "11560", "2026-03", false, ""); congthuong.ErrorFields(err)[0].Field != "note" {
			t.Errorf("returning without saying why: %v", err)
		}
		if err := s.DecideDataSet(storetest.As(storetest.HaiPhongLeader), "commune_retail_monthly", "11560", "2026-03", true, ""); err != nil {
			t.Fatal(err)
		}
		if v, _ := s.Values(context.Background(), "RETAIL_SALES", p); len(v) != 1 || v[0].Status != stats.Official || v[0].Value != 812.5 {
			t.Errorf("approved figures are official: %+v", v)
		}
		// and public in the analytics the moment they are.
		if a, err := s.Analyze(context.Background(), statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: p, Units: []string{"11560"}}); err != nil || a.Summary.Count != 1 {
			t.Errorf("the public analysis after approval: %+v, %v", a, err)
		}
		if err := s.CheckSeries(sys); err != nil {
			t.Error(err)
		}
		if err := s.EnterDataSet(commune, "commune_retail_monthly", "11560", "2026-03", figures, ""); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("editing an approved report: %v", err)
		}
		if _, c, _ := s.Submissions(storetest.As(storetest.HaiPhongOfficer), "commune_retail_monthly", "2026-03", "31", cal); c.Approved != 1 {
			t.Errorf("after approval: %+v", c)
		}
		if _, total, _ := s.FindAuditEntries(sys, store.AuditFilter{Entity: "stat_submission"}); total != 3 { // two entries, one approval
			t.Errorf("entry and approval audited: %d", total)
		}
	})
}

// TestApprovalLocksAgainstEntry re-enters a report while the department
// approves it, twenty times: either the entry comes first and the approval
// covers it, or the approval comes first and the entry is refused; an
// approved report never goes back to "entered" by itself.
func TestApprovalLocksAgainstEntry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		cal, err := calendar.New(calendar.DefaultRules(), calendar.ShippedOverrides(), calendar.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		commune, department := storetest.As(storetest.ThuyNguyen), storetest.As(storetest.HaiPhongOfficer)
		for round := range 20 {
			figures := map[string]float64{"RETAIL_SALES": float64(800 + round)}
			if err := s.EnterDataSet(commune, "commune_retail_monthly", "11560", "2026-03", figures, ""); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			entered, approved := make(chan error, 1), make(chan error, 1)
			go func() {
				entered <- s.EnterDataSet(commune, "commune_retail_monthly", "11560", "2026-03", map[string]float64{"RETAIL_SALES": 900}, "")
			}()
			go func() {
				approved <- s.DecideDataSet(department, "commune_retail_monthly", "11560", "2026-03", true, "")
			}()
			errEnter, errApprove := <-entered, <-approved
			subs, _, err := s.Submissions(department, "commune_retail_monthly", "2026-03", "31", cal)
			if err != nil {
				t.Fatal(err)
			}
			var status string
			for _, sub := range subs {
				if sub.UnitCode == "11560" {
					status = sub.Status
				}
			}
			switch {
			case errApprove != nil:
				t.Fatalf("round %d: approval: %v", round, errApprove)
			case errEnter == nil && status != statsdb.SubmissionApproved:
				t.Fatalf("round %d: the report was approved and then entered again: it is %q", round, status)
			case errEnter != nil && congthuong.ErrorCode(errEnter) != congthuong.ECONFLICT:
				t.Fatalf("round %d: entry: %v", round, errEnter)
			}
			if err := s.DecideDataSet(department, "commune_retail_monthly", "11560", "2026-03", false, "Kiểm tra lại"); err != nil {
				t.Fatalf("round %d: return: %v", round, err)
			}
		}
	})
}
