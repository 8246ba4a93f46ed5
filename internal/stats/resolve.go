package stats

// Lookup returns a stored value of an indicator for a period (for one unit).
type Lookup func(code string, p Period) (float64, bool)

// Value returns an indicator's value for a period from the stored values:
// the value stored for exactly that period when there is one; otherwise
// for a flow the sum of its parts (a year of its halves, a half of its
// quarters, a quarter of its months: every part must be known), for a
// stock the value at the period's end, for a formula the formula on its
// inputs' values. An index is never summed: it has a value only where one
// was stored.
func (c *Catalog) Value(code string, p Period, get Lookup) (float64, bool) {
	return c.value(code, p, get, 0)
}

// maxFormulaDepth bounds formulas of formulas; the catalogue refuses cycles,
// so this is only a guard.
const maxFormulaDepth = 16

func (c *Catalog) value(code string, p Period, get Lookup, depth int) (float64, bool) {
	ind, ok := c.byCode[code]
	if !ok || !p.Valid() || depth > maxFormulaDepth {
		return 0, false
	}
	if v, ok := get(code, p); ok {
		return v, true
	}
	switch ind.Kind {
	case Flow:
		return c.sumOfParts(code, p, get)
	case Stock:
		for _, end := range endingParts(p) {
			if v, ok := get(code, end); ok {
				return v, true
			}
		}
	case Formula:
		inputs := make(map[string]float64, len(c.inputs[code]))
		for _, in := range c.inputs[code] {
			v, ok := c.value(in, p, get, depth+1)
			if !ok {
				return 0, false
			}
			inputs[in] = v
		}
		return c.Evaluate(code, inputs)
	}
	return 0, false
}

func (c *Catalog) sumOfParts(code string, p Period, get Lookup) (float64, bool) {
	parts := splitPeriod(p)
	if parts == nil {
		return 0, false
	}
	total := 0.0
	for _, part := range parts {
		v, ok := get(code, part)
		if !ok {
			if v, ok = c.sumOfParts(code, part, get); !ok {
				return 0, false
			}
		}
		total += v
	}
	return total, true
}

// splitPeriod returns the next finer partition of p: a year into halves, a
// half into quarters, a quarter into months, a range into the longest
// halves, quarters and months that tile it (January–April: Q1 and April,
// so that a stored quarter counts); nil for a month.
func splitPeriod(p Period) []Period {
	switch p.Kind {
	case Year:
		return []Period{HalfOf(p.Year, 1), HalfOf(p.Year, 2)}
	case Half:
		q, _ := p.Quarters()
		return q
	case Quarter:
		return p.MonthPeriods()
	case Range:
		var parts []Period
		for m := p.First; m <= p.Last; {
			switch {
			case m%6 == 1 && m+5 <= p.Last:
				parts = append(parts, HalfOf(p.Year, (m+5)/6))
				m += 6
			case m%3 == 1 && m+2 <= p.Last:
				parts = append(parts, QuarterOf(p.Year, (m+2)/3))
				m += 3
			default:
				parts = append(parts, MonthOf(p.Year, m))
				m++
			}
		}
		return parts
	}
	return nil
}

// endingParts returns the shorter periods that end when p ends, longest
// first: a stock's value at the end of p is theirs.
func endingParts(p Period) []Period {
	var out []Period
	if p.Kind == Year || p.Kind == Range && p.Last%6 == 0 {
		out = append(out, HalfOf(p.Year, p.Last/6))
	}
	if p.Months() > 3 && p.Last%3 == 0 {
		out = append(out, QuarterOf(p.Year, p.Last/3))
	}
	if p.Months() > 1 {
		out = append(out, MonthOf(p.Year, p.Last))
	}
	return out
}

// Growth returns the growth in percent over the same period last year:
// value ÷ last year's value × 100 − 100, computed on unrounded values; for
// an index expressed against the same period last year, value − 100. There
// is none when last year's value is missing, zero or negative.
func Growth(ind *Indicator, value, lastYear float64, haveLastYear bool) (float64, bool) {
	if ind.VersusLastYear {
		return value - 100, true
	}
	if !haveLastYear || lastYear <= 0 {
		return 0, false
	}
	return value/lastYear*100 - 100, true
}

// Aggregate combines the values of several units: their sum, their average
// weighted by weights (same order), or nothing for an indicator that does
// not aggregate.
func Aggregate(ind *Indicator, values, weights []float64) (float64, bool) {
	if len(values) == 0 {
		return 0, false
	}
	switch ind.Aggregation {
	case Sum:
		total := 0.0
		for _, v := range values {
			total += v
		}
		return total, true
	case Weighted:
		if len(weights) != len(values) {
			return 0, false
		}
		var num, den float64
		for i, v := range values {
			num += v * weights[i]
			den += weights[i]
		}
		if den <= 0 {
			return 0, false
		}
		return num / den, true
	}
	return 0, false
}
