package stats

import (
	"math"
	"strconv"
	"strings"

	"congthuong"
)

// Status is how final a value is.
type Status string

// Value statuses: the current month is an estimate, the previous one
// preliminary, and the statistics office's figure official.
const (
	Estimate    Status = "estimate"
	Preliminary Status = "preliminary"
	Official    Status = "official"
)

// Published reports whether the public may see a value of this status.
func (s Status) Published() bool { return s == Official }

// ValueRow is one value to store: an indicator, a unit (code, resolved for
// the period) and a period, with its status and source. Line is the row of
// the file it came from (0 for a form).
type ValueRow struct {
	Line      int
	Indicator string
	UnitCode  string
	Period    Period
	Value     float64
	Status    Status
	Source    string
}

// ValueColumns are the columns of a value import and export.
var ValueColumns = []string{"indicator", "unit", "period", "value", "status", "source"}

// ParseValueRecord reads one row of an import (columns as ValueColumns; status
// and source optional), adding each problem to v with the row and column.
// Values may use a decimal comma ("225.784,5" or "225784,5") as Vietnamese
// spreadsheets write them.
func ParseValueRecord(line int, get func(col string) string, v *congthuong.Validation) (ValueRow, bool) {
	before := v.Len()
	indicator, unitCode, period := parseRowKey(line, get, v)
	r := ValueRow{Line: line, Indicator: indicator, UnitCode: unitCode, Period: period, Source: strings.TrimSpace(get("source"))}
	if x, ok := ParseNumber(get("value")); !ok {
		v.AddRow(line, "value", "stats.value_not_number", strconv.Quote(strings.TrimSpace(get("value"))))
	} else {
		r.Value = x
	}
	switch s := Status(strings.ToLower(strings.TrimSpace(get("status")))); s {
	case "":
		// Official figures are published on purpose, never by default.
		r.Status = Preliminary
	case Estimate, Preliminary, Official:
		r.Status = s
	default:
		v.AddRow(line, "status", "stats.status_must_estimate_preliminary")
	}
	return r, v.Len() == before
}

// parseRowKey reads what a row of a statistics file is about: the
// indicator, the unit and the period, adding each problem to v.
func parseRowKey(line int, get func(col string) string, v *congthuong.Validation) (indicator, unitCode string, period Period) {
	indicator, unitCode = strings.ToUpper(strings.TrimSpace(get("indicator"))), strings.ToUpper(strings.TrimSpace(get("unit")))
	if indicator == "" {
		v.AddRow(line, "indicator", "stats.give_indicator_s_code")
	}
	if unitCode == "" {
		v.AddRow(line, "unit", "stats.give_unit_s_code")
	}
	period, err := ParsePeriod(get("period"))
	if err != nil {
		v.AddRowErr(line, "period", err)
	}
	return indicator, unitCode, period
}

// ParseNumber reads a number written with a decimal point or, as in
// Vietnamese spreadsheets, a decimal comma and dots or spaces between
// thousands.
func ParseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, false
	}
	if strings.Contains(s, ",") {
		// 225.784,5 or 225784,5: the comma is the decimal mark.
		if strings.Count(s, ",") > 1 {
			return 0, false
		}
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// MayStore reports whether actor may give a value status s. Only the
// department publishes official figures; a commune's figures are estimates
// or preliminary until the department approves its report, which makes
// them official.
func MayStore(actor congthuong.Actor, s Status) bool {
	return s != Official || actor.IsDepartment()
}

// MayReplace reports whether actor may replace a stored value of status
// old: an official figure is the department's to change, except when a
// report the department returned for correction is entered again.
func MayReplace(actor congthuong.Actor, old Status, reopened bool) bool {
	return old != Official || reopened || actor.IsDepartment()
}
