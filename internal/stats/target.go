package stats

import (
	"strings"
	"time"

	"congthuong"
)

// Target is a figure a resolution or plan sets for an indicator, a unit and
// a period.
type Target struct {
	Indicator      string  `json:"indicator"`
	UnitCode       string  `json:"unit"`
	Period         Period  `json:"period"`
	Value          float64 `json:"value"`
	Resolution     string  `json:"resolution"`      // its number, e.g. "Nghị quyết 45/NQ-HĐND"
	ResolutionDate string  `json:"resolution_date"` // YYYY-MM-DD
}

// Normalize tidies a target from a form or the API.
func (t *Target) Normalize() {
	t.Indicator = strings.ToUpper(strings.TrimSpace(t.Indicator))
	t.UnitCode = strings.ToUpper(strings.TrimSpace(t.UnitCode))
	t.Resolution, t.ResolutionDate = strings.TrimSpace(t.Resolution), strings.TrimSpace(t.ResolutionDate)
}

// Validate checks a target's own fields.
func (t *Target) Validate() error {
	var v congthuong.Validation
	if t.Indicator == "" {
		v.Add("indicator", "stats.give_indicator_s_code")
	}
	if t.UnitCode == "" {
		v.Add("unit", "stats.give_unit_s_code")
	}
	if !t.Period.Valid() {
		v.Add("period", "stats.give_period_e_g_2025")
	}
	if t.Resolution == "" {
		v.Add("resolution", "stats.give_resolution_plan_that_set_target")
	}
	if _, err := time.Parse(time.DateOnly, t.ResolutionDate); err != nil {
		v.Add("resolution_date", "stats.resolution_date_must_date_form_yyyy_mm")
	}
	return v.Err("stats.target_has_invalid_fields")
}

// Attainment compares a figure with its target: the share of the target
// reached, and for a flow whose target is for the whole year while the
// figure is for the year to date, the average still needed in each of the
// remaining months.
type Attainment struct {
	Target         *float64 `json:"target"`
	TargetPeriod   string   `json:"target_period,omitempty"`
	Resolution     string   `json:"target_resolution,omitempty"`
	AttainmentPct  *float64 `json:"attainment_pct"`
	NeededPerMonth *float64 `json:"needed_per_month,omitempty"`
}

// Attain computes the attainment of value (the figure for p, or for a
// flow with a yearly target, the year to date ending with p) against t.
func Attain(ind *Indicator, t Target, p Period, value float64) Attainment {
	a := Attainment{Target: &t.Value, TargetPeriod: t.Period.String(), Resolution: t.Resolution}
	if t.Value > 0 {
		pct := value / t.Value * 100
		a.AttainmentPct = &pct
	}
	if ind.Kind == Flow && t.Period.Kind == Year && p.Last < 12 {
		need := (t.Value - value) / float64(12-p.Last)
		a.NeededPerMonth = &need
	}
	return a
}
