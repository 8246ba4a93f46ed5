package stats

import "sort"

// UnitFigure is one unit's line of an analysis. Pointers are null where
// there is no figure.
type UnitFigure struct {
	Unit              string   `json:"unit"`
	Name              string   `json:"name"`
	Parent            string   `json:"parent,omitempty"` // the province of a commune, VN for a province
	ValidFrom         string   `json:"unit_valid_from,omitempty"`
	Value             *float64 `json:"value"`
	PreviousYearValue *float64 `json:"previous_year_value"`
	Restated          bool     `json:"restated,omitempty"` // last year's value sums the units this one replaced
	GrowthPct         *float64 `json:"growth_pct"`
	// GrowthPublished says GrowthPct is the rate the statistics office
	// published, which a department quotes; ComputedGrowthPct is then the
	// platform's own, from the figures stored.
	GrowthPublished   bool     `json:"growth_published,omitempty"`
	ComputedGrowthPct *float64 `json:"computed_growth_pct,omitempty"`
	SharePct          *float64 `json:"share_pct"`
	Rank              int      `json:"rank,omitempty"`
	Attainment
}

// AnalyticsSummary sums up an analysis.
type AnalyticsSummary struct {
	Count                int      `json:"count"` // units with a value
	CountGrowthPositive  int      `json:"count_growth_positive"`
	CountGrowthAtLeast10 int      `json:"count_growth_at_least_10"`
	Total                *float64 `json:"total"`
	TotalPreviousYear    *float64 `json:"total_previous_year"`
	TotalGrowthPct       *float64 `json:"total_growth_pct"`
}

// Analytics is one indicator and period over a set of units.
type Analytics struct {
	Indicator    Indicator        `json:"indicator"`
	Period       Period           `json:"period"`
	PreviousYear Period           `json:"previous_year"`
	Units        []UnitFigure     `json:"units"`
	Summary      AnalyticsSummary `json:"summary"`
}

// Summarize fills the summary, the shares and the ranks of the figures
// whose indexes (those with a value) are given.
func (out *Analytics) Summarize(withValue []int) {
	ind := &out.Indicator
	var values, lastValues []float64
	for _, i := range withValue {
		f := &out.Units[i]
		values = append(values, *f.Value)
		if f.PreviousYearValue != nil {
			lastValues = append(lastValues, *f.PreviousYearValue)
		}
		if f.GrowthPct != nil && *f.GrowthPct > 0 {
			out.Summary.CountGrowthPositive++
		}
		if f.GrowthPct != nil && *f.GrowthPct >= 10 {
			out.Summary.CountGrowthAtLeast10++
		}
	}
	out.Summary.Count = len(withValue)
	if ind.Aggregation == Sum {
		if t, ok := Aggregate(ind, values, nil); ok {
			out.Summary.Total = &t
			for _, i := range withValue {
				if t > 0 {
					share := *out.Units[i].Value / t * 100
					out.Units[i].SharePct = &share
				}
			}
		}
		// Growth of the total over the units that have both years' values.
		if len(lastValues) == len(values) && len(values) > 0 {
			if lt, ok := Aggregate(ind, lastValues, nil); ok {
				out.Summary.TotalPreviousYear = &lt
				if g, ok := Growth(ind, *out.Summary.Total, lt, true); ok {
					out.Summary.TotalGrowthPct = &g
				}
			}
		}
	}
	// Rank by value, best first.
	order := append([]int(nil), withValue...)
	sort.SliceStable(order, func(a, b int) bool {
		va, vb := *out.Units[order[a]].Value, *out.Units[order[b]].Value
		if ind.HigherIsBetter {
			return va > vb
		}
		return va < vb
	})
	for r, i := range order {
		out.Units[i].Rank = r + 1
	}
}
