package parkdb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/enterprise"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestParkReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys, officer := storetest.As(congthuong.System()), storetest.As(storetest.HaiPhongOfficer)
		for _, e := range []*enterprise.Enterprise{{TaxCode: "0100233488", Name: "Tenant", UnitCode: "31"}, {TaxCode: "0200519875", Name: "Investor", UnitCode: "31"}} {
			if err := s.CreateEnterprise(sys, e); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		site := &park.Site{Code: "CCN-R", Kind: park.Cluster, NameVI: "Cụm R", UnitCode: "11560", Status: park.Operating,
			Decision: park.Decision{Number: "1/QĐ"}, PlannedArea: hectares(t, "50"), LeasableArea: hectares(t, "40"), InvestorTaxCode: "0200519875"}
		if err := s.CreatePark(officer, site); err != nil {
			t.Fatal(err)
		}
		tenant := &park.Tenant{SiteCode: "CCN-R", TaxCode: "0100233488", Project: "Nhà máy", LeasedArea: hectares(t, "10"), Jobs: 100, Status: park.TenantOperating}
		if err := s.SaveTenant(officer, tenant); err != nil {
			t.Fatal(err)
		}
		cal, err := s.Calendar(sys, calendar.Options{})
		if err != nil {
			t.Fatal(err)
		}
		report := park.Report{SiteCode: "CCN-R", TenantID: tenant.ID, Year: 2026, Half: 2, Jobs: 180, CapitalVND: 50_000_000_000, LeasedArea: hectares(t, "12")}
		for _, c := range []struct {
			ctx  context.Context
			code string
		}{{context.Background(), congthuong.EUNAUTHORIZED}, {storetest.As(congthuong.Actor{UserID: 30, Username: "other", Role: congthuong.RoleEnterprise, TaxCode: "0200519875"}), congthuong.EFORBIDDEN},
			{storetest.As(storetest.HaNoiOfficer), congthuong.EFORBIDDEN}} {
			if err := s.FileParkReport(c.ctx, report); congthuong.ErrorCode(err) != c.code {
				t.Errorf("filing someone else's report: %v, want %s", err, c.code)
			}
		}
		if err := s.FileParkReport(storetest.As(storetest.EnterpriseOwner), report); err != nil {
			t.Fatalf("the tenant files: %v", err)
		}
		// Due 20 December 2026, a Sunday: Monday 21 December; nothing late yet.
		list, counts, err := s.ParkReports(officer, parkdb.ParkFilter{}, 2026, 2, cal)
		if err != nil || counts.Expected != 2 || counts.Entered != 1 || counts.Missing != 1 || counts.Late != 0 {
			t.Fatalf("reports: %+v %+v %v", list, counts, err)
		}
		if due := list[0].Due.In(congthuong.Location).Format("2006-01-02 15:04"); due != "2026-12-21 17:00" {
			t.Errorf("due %s", due)
		}
		if _, c, _ := s.ParkReports(officer, parkdb.ParkFilter{}, 2025, 1, cal); c.Missing != 2 || c.Late != 2 {
			t.Errorf("2025H1, never filed, past its day: %+v", c)
		}
		// 20 December 2025 is a Saturday: Monday 22 December.
		if due, _ := park.ReportDue(cal, 2025, 2); due.In(congthuong.Location).Format("2006-01-02") != "2025-12-22" {
			t.Errorf("second half due %s", due)
		}
		mine, _, err := s.ParkReports(storetest.As(storetest.EnterpriseOwner), parkdb.ParkFilter{}, 2026, 2, cal)
		if err != nil || len(mine) != 1 || mine[0].TenantID != tenant.ID || mine[0].Report.Jobs != 180 {
			t.Errorf("the tenant's own reports: %+v %v", mine, err)
		}
		// The officer files the investor's report and may not approve it.
		if err := s.FileParkReport(officer, park.Report{SiteCode: "CCN-R", Year: 2026, Half: 2, Jobs: 5}); err != nil {
			t.Fatal(err)
		}
		if err := s.DecideParkReport(officer, "CCN-R", 0, 2026, 2, true, ""); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("approving one's own entry: %v", err)
		}
		if err := s.DecideParkReport(storetest.As(storetest.HaiPhongLeader), "CCN-R", tenant.ID, 2026, 2, false, ""); congthuong.ErrorFields(err)[0].Field != "note" {
			t.Errorf("returning without a reason: %v", err)
		}
		if err := s.DecideParkReport(storetest.As(storetest.HaiPhongLeader), "CCN-R", tenant.ID, 2026, 2, true, ""); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindPark(officer, "CCN-R"); got.Jobs != 180 || got.LeasedArea.Hectares() != "12" {
			t.Errorf("the approved figures on the site: jobs %d, leased %s", got.Jobs, got.LeasedArea.Hectares())
		}
		if err := s.FileParkReport(storetest.As(storetest.EnterpriseOwner), report); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("changing an approved report: %v", err)
		}
		res, err := s.PublishParkFigures(officer, 2026, 2)
		if err != nil || res.Created != 11 {
			t.Fatalf("publish: %+v %v", res, err)
		}
		h1 := stats.HalfOf(2026, 2)
		for code, want := range map[string]float64{"CLUSTERS": 1, "CLUSTER_AREA": 50, "CLUSTER_LEASED_AREA": 12, "SITE_JOBS": 180, "SITE_CAPITAL": 50, "PARKS": 0} {
			v, err := s.UnitValues(context.Background(), code, h1, "31")
			if err != nil || len(v) != 1 || v[0].Value != want {
				t.Errorf("%s of Hải Phòng for 2026H2: %+v %v", code, v, err)
			}
		}
		if a, err := s.Analyze(context.Background(), statsdb.AnalyticsQuery{Indicator: "CLUSTER_OCCUPANCY", Period: h1, Units: []string{"31"}}); err != nil ||
			a.Units[0].Value == nil || *a.Units[0].Value != 30 {
			t.Errorf("occupancy from the published figures: %+v %v", a, err)
		}
		if _, err := s.PublishParkFigures(storetest.As(storetest.EnterpriseOwner), 2025, 1); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("an enterprise publishing: %v", err)
		}
	})
}

// TestParkReportFiledDuringApproval files a tenant's report again while the
// department approves it, twenty times: either the filing comes first and
// the approval covers it, or the approval comes first and the filing is
// refused; an approved report never goes back to "entered" by itself.
func TestParkReportFiledDuringApproval(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys, officer := storetest.As(congthuong.System()), storetest.As(storetest.HaiPhongOfficer)
		if err := s.CreateEnterprise(sys, &enterprise.Enterprise{TaxCode: "0100233488", Name: "Tenant", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreatePark(officer, &park.Site{Code: "CCN-S", Kind: park.Cluster, NameVI: "Cụm S", UnitCode: "11560", Status: park.Operating,
			Decision: park.Decision{Number: "1/QĐ"}, PlannedArea: hectares(t, "50"), LeasableArea: hectares(t, "40")}); err != nil {
			t.Fatal(err)
		}
		tenant := &park.Tenant{SiteCode: "CCN-S", TaxCode: "0100233488", Project: "Nhà máy", LeasedArea: hectares(t, "10"), Jobs: 100, Status: park.TenantOperating}
		if err := s.SaveTenant(officer, tenant); err != nil {
			t.Fatal(err)
		}
		cal, err := s.Calendar(sys, calendar.Options{})
		if err != nil {
			t.Fatal(err)
		}
		storetest.WarmPool(t, s, 4)
		for round := range 20 {
			report := park.Report{SiteCode: "CCN-S", TenantID: tenant.ID, Year: 2026, Half: 2, Jobs: 100 + round, LeasedArea: hectares(t, "10")}
			if err := s.FileParkReport(storetest.As(storetest.EnterpriseOwner), report); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			filed, approved := make(chan error, 1), make(chan error, 1)
			go func() {
				again := report
				again.Jobs = 500
				filed <- s.FileParkReport(storetest.As(storetest.EnterpriseOwner), again)
			}()
			go func() { approved <- s.DecideParkReport(officer, "CCN-S", tenant.ID, 2026, 2, true, "") }()
			errFile, errApprove := <-filed, <-approved
			list, _, err := s.ParkReports(officer, parkdb.ParkFilter{}, 2026, 2, cal)
			if err != nil || len(list) != 1 {
				t.Fatalf("round %d: %+v %v", round, list, err)
			}
			switch status := list[0].Status; {
			case errApprove != nil:
				t.Fatalf("round %d: approval: %v", round, errApprove)
			case errFile == nil && status != park.ReportApproved:
				t.Fatalf("round %d: the report was approved and then filed again: it is %q", round, status)
			case errFile != nil && congthuong.ErrorCode(errFile) != congthuong.ECONFLICT:
				t.Fatalf("round %d: filing: %v", round, errFile)
			}
			if err := s.DecideParkReport(officer, "CCN-S", tenant.ID, 2026, 2, false, "Kiểm tra lại"); err != nil {
				t.Fatalf("round %d: reopening: %v", round, err)
			}
		}
	})
}
