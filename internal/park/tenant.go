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
	add := func(field, msg string) {
		if row > 0 {
			v.AddRow(row, field, msg)
		} else {
			v.Add(field, msg)
		}
	}
	if t.TaxCode == "" {
		add("tax_code", "the tenant's tax code is required")
	}
	switch n := utf8.RuneCountInString(t.Project); {
	case n == 0:
		add("project", "the project's name is required")
	case n > 300:
		add("project", "the project's name is longer than 300 characters")
	}
	if t.Sector != "" && !vsicPattern.MatchString(t.Sector) {
		add("sector", t.Sector+" is not a VSIC code")
	}
	if t.LeasedArea < 0 || t.LeasedArea > maxArea {
		add("leased_ha", "the area is from 0 to 1,000,000 ha")
	}
	if t.CapitalVND < 0 {
		add("capital_vnd", "the capital cannot be negative")
	}
	if t.CapitalUSD != nil && (*t.CapitalUSD < 0 || *t.CapitalUSD > 1e12) {
		add("capital_usd", "the capital is from 0 to 1,000,000,000,000 US$")
	}
	if t.Jobs < 0 || t.Jobs > 1_000_000 {
		add("jobs", "the jobs are from 0 to 1,000,000")
	}
	if !oneOf(t.Status, TenantStatuses) {
		add("status", "the status is one of registered, building, operating, stopped")
	}
	for field, d := range map[string]string{"registered_on": t.RegisteredOn, "operating_on": t.OperatingOn} {
		if d != "" && !validDate(d) {
			add(field, "write the date as YYYY-MM-DD")
		}
	}
	if t.RegisteredOn != "" && t.OperatingOn != "" && validDate(t.RegisteredOn) && validDate(t.OperatingOn) && t.OperatingOn < t.RegisteredOn {
		add("operating_on", "operation begins after registration")
	}
}
