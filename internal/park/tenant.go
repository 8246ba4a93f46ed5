package park

import (
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
)

// TenantStatus is where a tenant's project is.
type TenantStatus string

// Tenant statuses. A stopped tenant no longer counts in the site's leased
// land, jobs or capital.
const (
	TenantRegistered TenantStatus = "registered"
	TenantBuilding   TenantStatus = "building"
	TenantOperating  TenantStatus = "operating"
	TenantStopped    TenantStatus = "stopped"
)

// TenantStatuses lists the statuses in life order.
var TenantStatuses = []TenantStatus{TenantRegistered, TenantBuilding, TenantOperating, TenantStopped}

// Tenant is a secondary investor: an enterprise with a project on a site.
type Tenant struct {
	ID       int64  `json:"id"`
	SiteCode string `json:"site_code"`
	TaxCode  string `json:"tax_code"`
	// Enterprise is the tenant's registered name, filled when read.
	Enterprise string `json:"enterprise,omitempty"`
	Project    string `json:"project"`
	Sector     string `json:"sector,omitempty"` // VSIC
	LeasedArea Area   `json:"leased_ha"`
	// Registered capital, in dong and, for foreign investment, in US$.
	CapitalVND   int64        `json:"capital_vnd"`
	CapitalUSD   *float64     `json:"capital_usd,omitempty"`
	Jobs         int          `json:"jobs"`
	Status       TenantStatus `json:"status"`
	RegisteredOn string       `json:"registered_on,omitempty"` // YYYY-MM-DD
	OperatingOn  string       `json:"operating_on,omitempty"`
	Demo         bool         `json:"demo,omitempty"`
	Version      int          `json:"version"`
	CreatedAt    time.Time    `json:"created_at"`
	UpdatedAt    time.Time    `json:"updated_at"`
}

// Counts reports whether the tenant counts in its site's figures.
func (t *Tenant) Counts() bool { return t.Status != TenantStopped }

// Normalize trims free text and puts codes in canonical form.
func (t *Tenant) Normalize() {
	t.SiteCode = strings.ToUpper(strings.TrimSpace(t.SiteCode))
	t.TaxCode = strings.TrimSpace(t.TaxCode)
	t.Project = strings.Join(strings.Fields(t.Project), " ")
	t.Sector = strings.ToUpper(strings.TrimSpace(t.Sector))
	if t.Status == "" {
		t.Status = TenantRegistered
	}
}

// ValidateInto adds t's problems to v, tagged with an import row when
// row > 0. Whether the site and the enterprise exist is the store's check.
func (t *Tenant) ValidateInto(v *congthuong.Validation, row int) {
	add := func(field, id string, args ...any) {
		if row > 0 {
			v.AddRow(row, field, id, args...)
		} else {
			v.Add(field, id, args...)
		}
	}
	if t.TaxCode == "" {
		add("tax_code", "park.tenant_s_tax_code_required")
	}
	switch n := utf8.RuneCountInString(t.Project); {
	case n == 0:
		add("project", "park.project_s_name_required")
	case n > 300:
		add("project", "park.project_s_name_longer_than_300")
	}
	if t.Sector != "" && !vsicPattern.MatchString(t.Sector) {
		add("sector", "park.not_vsic_code", t.Sector)
	}
	if t.LeasedArea < 0 || t.LeasedArea > maxArea {
		add("leased_ha", "park.area_from_0_1_000_000_ha")
	}
	if t.CapitalVND < 0 {
		add("capital_vnd", "park.capital_cannot_negative")
	}
	if t.CapitalUSD != nil && (*t.CapitalUSD < 0 || *t.CapitalUSD > 1e12) {
		add("capital_usd", "park.capital_from_0_1_000_000_000_000_us")
	}
	if t.Jobs < 0 || t.Jobs > 1_000_000 {
		add("jobs", "park.jobs_from_0_1_000_000")
	}
	if !oneOf(t.Status, TenantStatuses) {
		add("status", "park.status_one_registered_building_operating")
	}
	for field, d := range map[string]string{"registered_on": t.RegisteredOn, "operating_on": t.OperatingOn} {
		if d != "" && !validDate(d) {
			add(field, "common.write_date_as_yyyy_mm_dd")
		}
	}
	if t.RegisteredOn != "" && t.OperatingOn != "" && validDate(t.RegisteredOn) && validDate(t.OperatingOn) && t.OperatingOn < t.RegisteredOn {
		add("operating_on", "park.operation_begins_after_registration")
	}
}
