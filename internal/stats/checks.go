package stats

import (
	"math"
	"sort"

	"congthuong"
)

// GrowthWarnLimit is how far from last year's value (in percent, either
// way) a value may move before it is shown to the approver as suspicious.
const GrowthWarnLimit = 50.0

// OutlierZ is the robust z-score beyond which a value is an outlier.
const OutlierZ = 3.5

// RobustZ returns how far x lies from the median of history, in units of
// the median absolute deviation scaled to a standard deviation (Iglewicz
// and Hoaglin's modified z-score): one wild month does not hide another as
// it would with the mean. It needs six values and some spread.
func RobustZ(history []float64, x float64) (float64, bool) { return NewScale(history).Z(x) }

// Scale is the median and median absolute deviation of a history,
// computed once for every value checked against it.
type Scale struct {
	Median, MAD float64
	N           int
}

// NewScale measures a history.
func NewScale(history []float64) Scale {
	if len(history) == 0 {
		return Scale{}
	}
	med := median(history)
	dev := make([]float64, len(history))
	for i, h := range history {
		dev[i] = math.Abs(h - med)
	}
	return Scale{Median: med, MAD: median(dev), N: len(history)}
}

// Z returns x's robust z-score; false for fewer than six values or no
// spread.
func (s Scale) Z(x float64) (float64, bool) {
	if s.N < 6 || s.MAD == 0 {
		return 0, false
	}
	return 0.6745 * (x - s.Median) / s.MAD, true
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// CheckValue returns the warnings a value gets from the rules: growth over
// the same period last year beyond ±GrowthWarnLimit, a month larger than its
// year to date for a flow, and an outlier against history (the unit's other
// values of the indicator for periods of the same kind). get returns the
// values known for the same unit (stored, or in the same file).
func CheckValue(ind *Indicator, r ValueRow, get func(p Period) (float64, bool), history Scale) []congthuong.Text {
	var out []congthuong.Text
	warn := func(id string, args ...any) { out = append(out, congthuong.Text{ID: id, Args: args}) }
	if z, ok := history.Z(r.Value); ok && math.Abs(z) > OutlierZ {
		warn("stats.check_outlier", history.N, round(z, 1))
	}
	if last, ok := get(r.Period.SamePeriodLastYear()); ok {
		if g, ok := Growth(ind, r.Value, last, true); ok && !ind.VersusLastYear && math.Abs(g) > GrowthWarnLimit {
			warn("stats.check_growth", round(g, 1), round(last, ind.Decimals))
		}
	}
	if ind.VersusLastYear && math.Abs(r.Value-100) > GrowthWarnLimit {
		warn("stats.check_index", round(r.Value, ind.Decimals), round(r.Value-100, 1))
	}
	if ind.Kind == Flow && r.Period.Kind == Month && r.Period.First > 1 {
		if ytd, ok := get(r.Period.YearToDate()); ok && ytd < r.Value {
			warn("stats.check_month_ytd", round(ytd, ind.Decimals))
		}
	}
	return out
}

// round rounds x to decimals places, as the figure is shown.
func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}
