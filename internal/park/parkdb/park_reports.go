package parkdb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/park"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
)

// Site is the site's name in both languages.
func (r ParkReportStatus) Site() congthuong.Name {
	return congthuong.Name{VI: r.SiteName, EN: r.SiteNameEN}
}

// ParkReportStatus is one report expected for a half: a tenant's (its
// project) or an infrastructure investor's (TenantID 0), with where it is.
type ParkReportStatus struct {
	SiteCode   string       `json:"site_code"`
	SiteName   string       `json:"site_name"`
	SiteNameEN string       `json:"site_name_en,omitempty"`
	TenantID   int64        `json:"tenant_id,omitempty"`
	TaxCode    string       `json:"tax_code"`
	Enterprise string       `json:"enterprise"`
	Project    string       `json:"project,omitempty"`
	Status     string       `json:"status"`
	Late       bool         `json:"late"`
	Due        time.Time    `json:"due"`
	EnteredBy  string       `json:"entered_by,omitempty"`
	EnteredAt  *time.Time   `json:"entered_at,omitempty"`
	DecidedBy  string       `json:"decided_by,omitempty"`
	Note       string       `json:"decision_note,omitempty"`
	Report     *park.Report `json:"report,omitempty"`
}

// ParkReportCounts sums up a half's reports.
type ParkReportCounts struct {
	Expected int `json:"expected"`
	Entered  int `json:"entered"`
	Approved int `json:"approved"`
	Returned int `json:"returned"`
	Missing  int `json:"missing"`
	Late     int `json:"late"`
}

// reportRights says whether the actor may file the report of a tenant (or
// of the site's investor, tenant nil): the enterprise itself, or staff in
// the site's scope.
func reportRights(a congthuong.Actor, site *park.Site, tenant *park.Tenant) bool {
	switch {
	case a.System:
		return true
	case a.Role == congthuong.RoleEnterprise && !a.Anonymous():
		if tenant != nil {
			return a.TaxCode == tenant.TaxCode
		}
		return site.InvestorTaxCode != "" && a.TaxCode == site.InvestorTaxCode
	}
	return a.CanWrite() && a.InScope(site.UnitCode, site.ProvinceCode)
}

// reportTarget finds the site (whatever its publication) and, for a
// tenant's report, the tenant.
func reportTarget(ctx context.Context, tx *db.Tx, siteCode string, tenantID int64) (*park.Site, *park.Tenant, error) {
	sys := congthuong.NewContext(ctx, congthuong.System())
	site, err := findPark(sys, tx, siteCode)
	if err != nil {
		return nil, nil, err
	}
	if tenantID == 0 {
		if site.InvestorTaxCode == "" {
			return nil, nil, congthuong.FieldErr(congthuong.EINVALID, "tenant_id", "park.site_has_no_infrastructure_investor", site.Code)
		}
		return site, nil, nil
	}
	t, err := findTenant(ctx, tx, site.ID, tenantID)
	if err != nil {
		return nil, nil, err
	}
	return site, t, nil
}

// FileParkReport enters a half-yearly report, by the enterprise itself or
// an officer in the site's scope. A report already approved is locked; one
// entered or returned is replaced.
func (s *Parks) FileParkReport(ctx context.Context, r park.Report) error {
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	var v congthuong.Validation
	r.ValidateInto(&v)
	if err := v.Err("park.report_has_invalid_fields"); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		site, tenant, err := reportTarget(ctx, tx, r.SiteCode, r.TenantID)
		if err != nil {
			return err
		}
		if !reportRights(a, site, tenant) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "park.you_may_not_file_this_report")
		}
		// A filing and a decision take the site's lock before reading the
		// report's state: a report cannot be filed again in the middle of
		// its approval, nor twice at once.
		if err := lockSite(ctx, tx, site.ID); err != nil {
			return err
		}
		var status string
		err = tx.QueryRowContext(ctx, `SELECT status FROM park_reports WHERE park_id = $1 AND tenant_id = $2 AND year = $3 AND half = $4`,
			site.ID, r.TenantID, r.Year, r.Half).Scan(&status)
		switch {
		case err == sql.ErrNoRows:
			_, err = tx.ExecContext(ctx, `INSERT INTO park_reports (park_id, tenant_id, year, half, jobs, capital_vnd, capital_usd,
				leased_m2, revenue_vnd, note, status, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
				site.ID, r.TenantID, r.Year, r.Half, r.Jobs, r.CapitalVND, r.CapitalUSD, int64(r.LeasedArea), r.RevenueVND, r.Note,
				park.ReportEntered, a.Name(), tx.Now)
		case err != nil:
		case status == park.ReportApproved:
			return congthuong.Errorf(congthuong.ECONFLICT, "common.report_approved_locked_ask_department")
		default:
			_, err = tx.ExecContext(ctx, `UPDATE park_reports SET jobs = $1, capital_vnd = $2, capital_usd = $3, leased_m2 = $4,
				revenue_vnd = $5, note = $6, status = $7, entered_by = $8, entered_at = $9, decided_by = '', decided_at = NULL,
				decision_note = '' WHERE park_id = $10 AND tenant_id = $11 AND year = $12 AND half = $13`,
				r.Jobs, r.CapitalVND, r.CapitalUSD, int64(r.LeasedArea), r.RevenueVND, r.Note, park.ReportEntered, a.Name(), tx.Now,
				site.ID, r.TenantID, r.Year, r.Half)
		}
		if err != nil {
			return fmt.Errorf("parkdb: file park report: %w", err)
		}
		return tx.Audit(ctx, audit.File, "park_report", reportID(site.Code, r.TenantID, r.Year, r.Half), site.UnitCode, nil, r)
	})
}

func reportID(site string, tenant int64, year, half int) string {
	return fmt.Sprintf("%s/%d/%dH%d", site, tenant, year, half)
}

// DecideParkReport approves or returns an entered report; staff of the
// site's scope other than who entered it. Approving a tenant's report puts
// its figures on the tenant, so the site's totals follow.
func (s *Parks) DecideParkReport(ctx context.Context, siteCode string, tenantID int64, year, half int, approve bool, note string) error {
	a := congthuong.ActorFrom(ctx)
	if !a.System && !a.IsStaff() {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "common.only_department_decides_reports")
	}
	note = strings.TrimSpace(note)
	if !approve && note == "" {
		return congthuong.FieldErr(congthuong.EINVALID, "note", "park.say_what_correct_when_returning_report")
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		site, tenant, err := reportTarget(ctx, tx, siteCode, tenantID)
		if err != nil {
			return err
		}
		if !a.System && !a.InScope(site.UnitCode, site.ProvinceCode) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "park.site_outside_your_scope", site.Code)
		}
		if err := lockSite(ctx, tx, site.ID); err != nil {
			return err
		}
		var r park.Report
		var status, enteredBy string
		var usd sql.NullFloat64
		err = tx.QueryRowContext(ctx, `SELECT status, entered_by, jobs, capital_vnd, capital_usd, leased_m2, revenue_vnd
			FROM park_reports WHERE park_id = $1 AND tenant_id = $2 AND year = $3 AND half = $4`, site.ID, tenantID, year, half).
			Scan(&status, &enteredBy, &r.Jobs, &r.CapitalVND, &usd, &r.LeasedArea, &r.RevenueVND)
		if err == sql.ErrNoRows {
			return congthuong.Errorf(congthuong.ENOTFOUND, "park.no_report_h_this_project", year, half)
		} else if err != nil {
			return fmt.Errorf("parkdb: park report: %w", err)
		}
		// An approved report can be returned (reopened for correction);
		// only an entered one can be approved.
		if status != park.ReportEntered && (approve || status != park.ReportApproved) {
			return congthuong.Errorf(congthuong.ECONFLICT, "common.report_not_waiting_decision", status)
		}
		if approve && enteredBy == a.Name() && !a.System {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "common.report_approved_by_someone_other_than")
		}
		next := park.ReportReturned
		if approve {
			next = park.ReportApproved
		}
		if _, err := tx.ExecContext(ctx, `UPDATE park_reports SET status = $1, decided_by = $2, decided_at = $3, decision_note = $4
			WHERE park_id = $5 AND tenant_id = $6 AND year = $7 AND half = $8`, next, a.Name(), tx.Now, note, site.ID, tenantID, year, half); err != nil {
			return fmt.Errorf("parkdb: decide park report: %w", err)
		}
		if approve && tenant != nil {
			if _, err := tx.ExecContext(ctx, `UPDATE park_tenants SET jobs = $1, capital_vnd = $2, capital_usd = $3, leased_m2 = $4,
				version = version + 1, updated_at = $5 WHERE id = $6`, r.Jobs, r.CapitalVND, db.NullFloat(usd), int64(r.LeasedArea), tx.Now, tenant.ID); err != nil {
				return fmt.Errorf("parkdb: apply park report: %w", err)
			}
			if err := recomputeSite(ctx, tx, site); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, next, "park_report", reportID(site.Code, tenantID, year, half), site.UnitCode,
			map[string]string{"status": status}, map[string]string{"status": next, "note": note})
	})
}

// ParkReports lists the reports expected for a half and where each is:
// for staff, those of the sites in their scope (filtered by f); for an
// enterprise, its own. The due date is on the working-day calendar.
func (s *Parks) ParkReports(ctx context.Context, f ParkFilter, year, half int, cal *calendar.Calendar) ([]ParkReportStatus, ParkReportCounts, error) {
	var counts ParkReportCounts
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return nil, counts, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	if half != 1 && half != 2 || year < 2000 || year > 2100 {
		return nil, counts, congthuong.FieldErr(congthuong.EINVALID, "period", "park.give_half_year_such_as_2025h1")
	}
	due, err := park.ReportDue(cal, year, half)
	if err != nil {
		return nil, counts, err
	}
	w := parkWhere(congthuong.System(), f)
	switch {
	case a.System || a.UnitCode == congthuong.CountryCode && a.IsStaff():
	case a.IsStaff():
		w.Add("(p.unit_code = ? OR p.province_code = ?)", a.UnitCode, a.UnitCode)
	case a.Role == congthuong.RoleEnterprise && a.TaxCode != "":
		w.Add("(p.investor_tax_code = ? OR EXISTS (SELECT 1 FROM park_tenants x WHERE x.park_id = p.id AND x.tax_code = ?))", a.TaxCode, a.TaxCode)
	default:
		return nil, counts, congthuong.Errorf(congthuong.EFORBIDDEN, "park.only_staff_enterprises_follow_reports")
	}
	sites := map[int64]*park.Site{}
	var order []int64
	err = s.eachParkRow(ctx, `SELECT `+parkColumns+parkFrom+w.SQL()+` ORDER BY p.code`, w.Args, func(p *park.Site) error {
		sites[p.ID] = p
		order = append(order, p.ID)
		return nil
	})
	if err != nil {
		return nil, counts, err
	}
	type key struct{ site, tenant int64 }
	filed := map[key]ParkReportStatus{}
	rows, err := s.Read.QueryContext(ctx, `SELECT park_id, tenant_id, jobs, capital_vnd, capital_usd, leased_m2, revenue_vnd, note, status,
		entered_by, entered_at, decided_by, decision_note FROM park_reports WHERE year = $1 AND half = $2`, year, half)
	if err != nil {
		return nil, counts, fmt.Errorf("parkdb: park reports: %w", err)
	}
	for rows.Next() {
		var k key
		var st ParkReportStatus
		r := &park.Report{Year: year, Half: half}
		var usd sql.NullFloat64
		var at time.Time
		if err := rows.Scan(&k.site, &k.tenant, &r.Jobs, &r.CapitalVND, &usd, &r.LeasedArea, &r.RevenueVND, &r.Note, &st.Status,
			&st.EnteredBy, &at, &st.DecidedBy, &st.Note); err != nil {
			rows.Close()
			return nil, counts, err
		}
		r.CapitalUSD, r.TenantID = db.NullFloat(usd), k.tenant
		at = at.UTC()
		st.EnteredAt, st.Report = &at, r
		filed[k] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, counts, err
	}
	tenants := map[int64][]*park.Tenant{}
	if err := eachTenantRow(ctx, s.Read, func(siteID int64, t *park.Tenant) {
		if sites[siteID] != nil && t.Status != park.TenantStopped {
			tenants[siteID] = append(tenants[siteID], t)
		}
	}); err != nil {
		return nil, counts, err
	}
	now := s.NowUTC()
	out := []ParkReportStatus{}
	add := func(site *park.Site, t *park.Tenant) {
		st := ParkReportStatus{SiteCode: site.Code, SiteName: site.NameVI, SiteNameEN: site.NameEN, Due: due, Status: park.ReportMissing,
			TaxCode: site.InvestorTaxCode, Enterprise: site.InvestorName}
		k := key{site.ID, 0}
		if t != nil {
			st.TenantID, st.TaxCode, st.Enterprise, st.Project = t.ID, t.TaxCode, t.Enterprise, t.Project
			k.tenant = t.ID
		}
		if a.Role == congthuong.RoleEnterprise && st.TaxCode != a.TaxCode {
			return
		}
		if f, ok := filed[k]; ok {
			f.SiteCode, f.SiteName, f.SiteNameEN, f.TenantID, f.TaxCode, f.Enterprise, f.Project, f.Due = st.SiteCode, st.SiteName, st.SiteNameEN, st.TenantID,
				st.TaxCode, st.Enterprise, st.Project, due
			f.Report.SiteCode = site.Code
			st = f
		}
		st.Late = st.Status == park.ReportMissing && now.After(due) || st.EnteredAt != nil && st.EnteredAt.After(due)
		counts.Expected++
		switch st.Status {
		case park.ReportEntered:
			counts.Entered++
		case park.ReportApproved:
			counts.Approved++
		case park.ReportReturned:
			counts.Returned++
		default:
			counts.Missing++
		}
		if st.Late {
			counts.Late++
		}
		out = append(out, st)
	}
	for _, id := range order {
		site := sites[id]
		if site.InvestorTaxCode != "" {
			add(site, nil)
		}
		for _, t := range tenants[id] {
			add(site, t)
		}
	}
	return out, counts, nil
}

// eachTenantRow calls fn with every tenant and its site's id.
func eachTenantRow(ctx context.Context, q db.Queryer, fn func(siteID int64, t *park.Tenant)) error {
	rows, err := q.QueryContext(ctx, `SELECT t.park_id, `+tenantColumns+tenantFrom+` ORDER BY t.park_id, t.id`)
	if err != nil {
		return fmt.Errorf("parkdb: tenants: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		t, err := scanTenant(scanPrefix{rows, &id})
		if err != nil {
			return err
		}
		fn(id, t)
	}
	return rows.Err()
}

// PublishParkFigures writes the registry's figures for a half into the
// statistics, as official values of each province in the actor's scope:
// parks and clusters, their land (planned, leasable, leased), tenant
// projects, jobs and registered capital. Run after the half's reports are
// approved; running it again revises the values.
func (s *Parks) PublishParkFigures(ctx context.Context, year, half int) (statsdb.ValueImportResult, error) {
	var res statsdb.ValueImportResult
	a := congthuong.ActorFrom(ctx)
	if !a.System && !(a.IsStaff() && a.CanWrite()) {
		return res, congthuong.Errorf(congthuong.EFORBIDDEN, "park.only_department_publishes_figures")
	}
	if half != 1 && half != 2 || year < 2000 || year > 2100 {
		return res, congthuong.FieldErr(congthuong.EINVALID, "period", "park.give_half_year_such_as_2025h1")
	}
	period := stats.HalfOf(year, half)
	w := parkWhere(congthuong.System(), ParkFilter{})
	if !a.System && a.UnitCode != congthuong.CountryCode {
		w.Add("p.province_code = ?", a.ProvinceCode)
	}
	type figures struct {
		count                     [2]int
		planned, leasable, leased [2]park.Area
		tenants, jobs             int
		capital                   int64
	}
	byProvince := map[string]*figures{}
	var provinces []string
	err := s.eachParkRow(ctx, `SELECT `+parkColumns+parkFrom+w.SQL()+` ORDER BY p.province_code, p.code`, w.Args, func(p *park.Site) error {
		f := byProvince[p.ProvinceCode]
		if f == nil {
			f = &figures{}
			byProvince[p.ProvinceCode] = f
			provinces = append(provinces, p.ProvinceCode)
		}
		k := 0
		if p.Kind == park.Cluster {
			k = 1
		}
		f.count[k]++
		f.planned[k] += p.PlannedArea
		f.leasable[k] += p.LeasableArea
		f.leased[k] += p.LeasedArea
		f.tenants += p.Tenants
		f.jobs += p.Jobs
		f.capital += p.CapitalVND
		return nil
	})
	if err != nil {
		return res, err
	}
	if len(provinces) == 0 {
		return res, congthuong.Errorf(congthuong.ENOTFOUND, "park.no_industrial_park_cluster_your_scope")
	}
	source := "Circular 14/2024/TT-BCT reports, " + period.String()
	var rows []stats.ValueRow
	for _, prov := range provinces {
		f := byProvince[prov]
		add := func(code string, v float64) {
			rows = append(rows, stats.ValueRow{Line: len(rows) + 2, Indicator: code, UnitCode: prov, Period: period, Value: v,
				Status: stats.Official, Source: source})
		}
		add("PARKS", float64(f.count[0]))
		add("PARK_AREA", f.planned[0].Float())
		add("PARK_LEASABLE_AREA", f.leasable[0].Float())
		add("PARK_LEASED_AREA", f.leased[0].Float())
		add("CLUSTERS", float64(f.count[1]))
		add("CLUSTER_AREA", f.planned[1].Float())
		add("CLUSTER_LEASABLE_AREA", f.leasable[1].Float())
		add("CLUSTER_LEASED_AREA", f.leased[1].Float())
		add("SITE_TENANTS", float64(f.tenants))
		add("SITE_JOBS", float64(f.jobs))
		add("SITE_CAPITAL", float64(f.capital)/1e9) // billion dong
	}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		return s.stats.ImportValuesTx(ctx, tx, rows, false, &res)
	})
	return res, err
}

// ParseHalf reads 2025H1 (or 2025S1) into its year and half.
func ParseHalf(s string) (year, half int, err error) {
	p, err := stats.ParsePeriod(s)
	if err != nil || p.Kind != stats.Half {
		return 0, 0, congthuong.FieldErr(congthuong.EINVALID, "period", "park.not_half_year_write_2025h1_2025h2", strconv.Quote(s))
	}
	return p.Year, p.First/6 + 1, nil
}
