package stats

import (
	"math"
	"testing"
)

// FuzzFormula gives the catalogue any formula: it is refused or it
// evaluates, without panicking, to a number or to nothing.
func FuzzFormula(f *testing.F) {
	for _, s := range []string{"EXPORTS - IMPORTS", "EXPORTS / (EXPORTS + IMPORTS) * 100", "EXPORTS ** 2", "len(\"x\")",
		"IMPORTS ? 1 : 2", "1/0", "EXPORTS - ", "X_SHARE", "(((((1", "EXPORTS in [1]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, formula string) {
		list := DefaultIndicators()
		list = append(list, Indicator{Code: "X_SHARE", NameVI: "x", NameEN: "x", Measure: "%", Kind: Formula, Formula: formula,
			Aggregation: None, Decimals: 1})
		c, err := NewCatalog(list)
		if err != nil {
			return
		}
		v, ok := c.Evaluate("X_SHARE", map[string]float64{"EXPORTS": 3, "IMPORTS": 2, "RETAIL_SALES": 1})
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Errorf("%q evaluated to %v", formula, v)
		}
	})
}
