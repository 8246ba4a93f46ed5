package stats

import (
	"fmt"
	"math"
)

// GrowthWarnLimit is how far from last year's value (in percent, either
// way) a value may move before it is shown to the approver as suspicious.
const GrowthWarnLimit = 50.0

// CheckValue returns the warnings a value gets from the rules: growth over
// the same period last year beyond ±GrowthWarnLimit, and for a flow a month
// larger than its year to date. get returns the values known for the same
// unit (stored, or in the same file).
func CheckValue(ind *Indicator, r ValueRow, get func(p Period) (float64, bool)) []string {
	var out []string
	if last, ok := get(r.Period.SamePeriodLastYear()); ok {
		if g, ok := Growth(ind, r.Value, last, true); ok && !ind.VersusLastYear && math.Abs(g) > GrowthWarnLimit {
			out = append(out, fmt.Sprintf("%+.1f%% over the same period last year (%s); check the value", g, FormatNumber(last, ind.Decimals, "en")))
		}
	}
	if ind.VersusLastYear && math.Abs(r.Value-100) > GrowthWarnLimit {
		out = append(out, fmt.Sprintf("an index of %s means %+.1f%% over last year; check the value", FormatNumber(r.Value, ind.Decimals, "en"), r.Value-100))
	}
	if ind.Kind == Flow && r.Period.Kind == Month && r.Period.First > 1 {
		if ytd, ok := get(r.Period.YearToDate()); ok && ytd < r.Value {
			out = append(out, fmt.Sprintf("the month is larger than the year to date (%s)", FormatNumber(ytd, ind.Decimals, "en")))
		}
	}
	return out
}
