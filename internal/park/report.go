package park

import (
	"fmt"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
)

// Report is a half-yearly report under Circular 14/2024/TT-BCT: a tenant's
// figures for its project, or (Tenant 0) the infrastructure investor's for
// its site. Approved tenant figures replace the tenant's, so the site's
// totals and the statistics follow them.
type Report struct {
	SiteCode   string   `json:"site_code"`
	TenantID   int64    `json:"tenant_id,omitempty"`
	Year       int      `json:"year"`
	Half       int      `json:"half"`
	Jobs       int      `json:"jobs"`
	CapitalVND int64    `json:"capital_vnd"`
	CapitalUSD *float64 `json:"capital_usd,omitempty"`
	LeasedArea Area     `json:"leased_ha"`
	// RevenueVND is the half's revenue, in dong.
	RevenueVND int64  `json:"revenue_vnd"`
	Note       string `json:"note,omitempty"`
}

// Report statuses.
const (
	ReportMissing  = "missing"
	ReportEntered  = "entered"
	ReportApproved = "approved"
	ReportReturned = "returned"
)

// ValidateInto adds r's problems to v.
func (r *Report) ValidateInto(v *congthuong.Validation) {
	if r.Half != 1 && r.Half != 2 {
		v.Add("half", "park.half_1_january_june_2_july_december")
	}
	if r.Year < 2000 || r.Year > 2100 {
		v.Add("year", "park.year_from_2000_2100")
	}
	if r.Jobs < 0 || r.Jobs > 1_000_000 {
		v.Add("jobs", "park.jobs_from_0_1_000_000")
	}
	if r.CapitalVND < 0 {
		v.Add("capital_vnd", "park.capital_cannot_negative")
	}
	if r.CapitalUSD != nil && *r.CapitalUSD < 0 {
		v.Add("capital_usd", "park.capital_cannot_negative")
	}
	if r.LeasedArea < 0 || r.LeasedArea > maxArea {
		v.Add("leased_ha", "park.area_from_0_1_000_000_ha")
	}
	if r.RevenueVND < 0 {
		v.Add("revenue_vnd", "park.revenue_cannot_negative")
	}
}

// Period names the half: 2025H1.
func (r *Report) Period() string { return fmt.Sprintf("%dH%d", r.Year, r.Half) }

// ReportDue is when a half's reports are due: tenants report before 20
// June and 20 December (Circular 14/2024/TT-BCT); a 20th that is not a
// working day moves to the next working day, at the close of office hours.
func ReportDue(cal *calendar.Calendar, year, half int) (time.Time, error) {
	month := 6
	if half == 2 {
		month = 12
	}
	day, err := calendar.ParseDate(fmt.Sprintf("%d-%02d-20", year, month))
	if err != nil {
		return time.Time{}, err
	}
	for i := 0; i < 30 && !cal.IsWorkingDay(day); i++ {
		day = day.AddDays(1)
	}
	return day.At(int(cal.OfficeHours().Close())), nil
}
