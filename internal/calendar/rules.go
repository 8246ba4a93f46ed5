package calendar

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"congthuong"
)

// Rules are the holidays and weekly rest days the law sets, as data: a new
// holiday is a new entry with its legal reference and validity dates.
type Rules struct {
	WeeklyRest   WeeklyRest    `json:"weekly_rest"`
	Compensation Compensation  `json:"compensation"`
	Holidays     []HolidayRule `json:"holidays"`
}

// WeeklyRest names the weekly days off of state agencies.
type WeeklyRest struct {
	Days     []string `json:"days"` // "saturday", "sunday", …
	Ref      string   `json:"ref"`
	Verified bool     `json:"verified"`
}

// Compensation is the rule that a holiday on a weekly rest day gives a day
// off on the next working day.
type Compensation struct {
	Ref      string `json:"ref"`
	Verified bool   `json:"verified"`
}

// HolidayRule is a public holiday: Days days starting Offset days after the
// anchor date Month/Day of the solar or lunar calendar, in the years the
// rule is valid. Tết is anchored on lunar 1/1 with offset -1, so that its
// first day is the last day of the 12th month whether that is the 29th or
// the 30th.
type HolidayRule struct {
	ID        string `json:"id"`
	NameVI    string `json:"name_vi"`
	NameEN    string `json:"name_en"`
	Calendar  string `json:"calendar"` // "solar" or "lunar"
	Month     int    `json:"month"`
	Day       int    `json:"day"`
	Offset    int    `json:"offset,omitempty"`
	Days      int    `json:"days"`
	Note      string `json:"note,omitempty"`
	Ref       string `json:"ref"`
	ValidFrom *Date  `json:"valid_from,omitempty"`
	ValidTo   *Date  `json:"valid_to,omitempty"`
	Verified  bool   `json:"verified"`
}

// OverrideKind is what an override makes of a day.
type OverrideKind string

// Override kinds.
const (
	DayOff     OverrideKind = "day_off"     // an announced day off (a swapped day, an extra Tết day)
	WorkingDay OverrideKind = "working_day" // a make-up Saturday, or a default holiday not taken
)

// Scope says whom an override binds.
type Scope string

// Override scopes.
const (
	ScopeState Scope = "state" // civil servants, following the Government's schedule
	ScopeAll   Scope = "all"   // everyone
)

// Override is a day of the Government's yearly schedule that differs from
// the rules.
type Override struct {
	Date   Date         `json:"date"`
	Kind   OverrideKind `json:"kind"`
	Scope  Scope        `json:"scope"`
	NameVI string       `json:"name_vi"`
	NameEN string       `json:"name_en"`
	Ref    string       `json:"ref"`
}

//go:embed holidays.json
var holidaysJSON []byte

//go:embed overrides.json
var overridesJSON []byte

// DefaultRules returns the shipped holiday rules.
func DefaultRules() Rules {
	var r Rules
	if err := json.Unmarshal(holidaysJSON, &r); err != nil {
		panic("calendar: holidays.json: " + err.Error())
	}
	return r
}

// ShippedOverrides returns the verified yearly overrides shipped with the
// platform, which a new installation starts with.
func ShippedOverrides() []Override {
	var o []Override
	if err := json.Unmarshal(overridesJSON, &o); err != nil {
		panic("calendar: overrides.json: " + err.Error())
	}
	return o
}

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

// Validate checks the rules, naming the first wrong field of each wrong rule.
func (r Rules) Validate() error {
	var problems []string
	for _, d := range r.WeeklyRest.Days {
		if _, ok := weekdays[d]; !ok {
			problems = append(problems, "weekly_rest.days: unknown day "+d)
		}
	}
	ids := map[string]bool{}
	for i, h := range r.Holidays {
		at := fmt.Sprintf("holidays[%d] (%s)", i, h.ID)
		switch {
		case h.ID == "" || ids[h.ID]:
			problems = append(problems, at+": id missing or repeated")
		case h.NameVI == "" || h.NameEN == "":
			problems = append(problems, at+": name_vi and name_en are required")
		case h.Calendar != "solar" && h.Calendar != "lunar":
			problems = append(problems, at+": calendar must be solar or lunar")
		case h.Month < 1 || h.Month > 12 || h.Day < 1 || h.Day > 31 || (h.Calendar == "lunar" && h.Day > 30):
			problems = append(problems, at+": month or day out of range")
		case h.Days < 1 || h.Days > 10:
			problems = append(problems, at+": days must be 1 to 10")
		case h.Ref == "":
			problems = append(problems, at+": ref (the legal reference) is required")
		case h.ValidFrom != nil && h.ValidTo != nil && h.ValidTo.JDN() < h.ValidFrom.JDN():
			problems = append(problems, at+": valid_to is before valid_from")
		}
		ids[h.ID] = true
	}
	if len(problems) > 0 {
		return fmt.Errorf("calendar rules: %s", strings.Join(problems, "; "))
	}
	return nil
}

// Validate checks an override.
func (o Override) Validate() error {
	switch {
	case !inRange(o.Date):
		return congthuong.FieldErr(congthuong.EINVALID, "date", "calendar.out_of_range", FirstDate.String(), LastDate.String())
	case o.Kind != DayOff && o.Kind != WorkingDay:
		return congthuong.FieldErr(congthuong.EINVALID, "kind", "calendar.override_kind")
	case o.Scope != ScopeState && o.Scope != ScopeAll:
		return congthuong.FieldErr(congthuong.EINVALID, "scope", "calendar.override_scope")
	case strings.TrimSpace(o.NameVI) == "":
		return congthuong.FieldErr(congthuong.EINVALID, "name_vi", "calendar.override_name")
	case strings.TrimSpace(o.Ref) == "":
		return congthuong.FieldErr(congthuong.EINVALID, "ref", "calendar.override_ref")
	}
	return nil
}

// valid reports whether the rule applies in a year: on the anchor's date.
func (h HolidayRule) valid(d Date) bool {
	j := d.JDN()
	return (h.ValidFrom == nil || h.ValidFrom.JDN() <= j) && (h.ValidTo == nil || j <= h.ValidTo.JDN())
}

// dates returns the holiday's days in solar year y (for a lunar rule, the
// ones anchored in lunar year y).
func (h HolidayRule) dates(y int) []Date {
	var anchor Date
	if h.Calendar == "lunar" {
		d, err := FromLunar(LunarDate{Year: y, Month: h.Month, Day: h.Day})
		if err != nil {
			return nil // outside the range, or the 30th of a short month
		}
		anchor = d
	} else {
		anchor = Date{y, time.Month(h.Month), h.Day}
		if FromJDN(anchor.JDN()) != anchor {
			return nil // 29 February of a common year
		}
	}
	if !h.valid(anchor) {
		return nil
	}
	out := make([]Date, h.Days)
	for i := range out {
		out[i] = anchor.AddDays(h.Offset + i)
	}
	return out
}
