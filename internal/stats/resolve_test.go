package stats

import (
	"math"
	"testing"
)

// stored is a unit's stored values, by "CODE period".
type stored map[string]float64

func (s stored) get(code string, p Period) (float64, bool) {
	v, ok := s[code+" "+p.String()]
	return v, ok
}

func TestValueRules(t *testing.T) {
	c, err := NewCatalog(DefaultIndicators())
	if err != nil {
		t.Fatal(err)
	}
	s := stored{}
	for m := 1; m <= 12; m++ {
		s["RETAIL_SALES "+MonthOf(2024, m).String()] = float64(m) // 1+…+12 = 78
		s["IIP "+MonthOf(2024, m).String()] = 110
		s["CLUSTERS "+MonthOf(2024, m).String()] = float64(10 + m)
	}
	s["RETAIL_SALES 2024Q1"] = 100 // a stored quarter wins over its months
	s["EXPORTS 2024"] = 36400
	s["IMPORTS 2024"] = 28300
	s["IIP 2024-01..2024-04"] = 112.5 // indices are recomputed on cumulative volumes, never summed
	s["CLUSTER_AREA 2024Q2"] = 700.5
	for _, v := range []struct {
		code, period string
		want         float64
		ok           bool
	}{
		{"RETAIL_SALES", "2024-04", 4, true},
		{"RETAIL_SALES", "2024Q1", 100, true},
		{"RETAIL_SALES", "2024Q2", 4 + 5 + 6, true},
		{"RETAIL_SALES", "2024H1", 100 + 15, true},
		{"RETAIL_SALES", "2024", 100 + 15 + 24 + 33, true},
		{"RETAIL_SALES", "2024-01..2024-04", 100 + 4, true},
		{"RETAIL_SALES", "2024-02..2024-03", 5, true},
		{"RETAIL_SALES", "2023", 0, false}, // nothing stored
		{"IIP", "2024-04", 110, true},
		{"IIP", "2024Q1", 0, false}, // never a sum, nor an average
		{"IIP", "2024-01..2024-04", 112.5, true},
		{"CLUSTERS", "2024", 22, true}, // a stock: the value at the end
		{"CLUSTERS", "2024Q3", 19, true},
		{"CLUSTER_AREA", "2024H1", 700.5, true},
		{"CLUSTER_AREA", "2024", 0, false},
		{"TRADE_BALANCE", "2024", 8100, true},
		{"TRADE_BALANCE", "2024Q1", 0, false},
		{"NO_SUCH", "2024", 0, false},
	} {
		p, _ := ParsePeriod(v.period)
		got, ok := c.Value(v.code, p, s.get)
		if ok != v.ok || math.Abs(got-v.want) > 1e-9 {
			t.Errorf("%s %s = %v, %v; want %v, %v", v.code, v.period, got, ok, v.want, v.ok)
		}
	}
	// Missing one month leaves the year unknown rather than wrong.
	delete(s, "RETAIL_SALES 2024-11")
	if v, ok := c.Value("RETAIL_SALES", YearOf(2024), s.get); ok {
		t.Errorf("a year with a month missing summed to %v", v)
	}
}

func TestGrowthAndAggregate(t *testing.T) {
	c, _ := NewCatalog(DefaultIndicators())
	retail, _ := c.Get("RETAIL_SALES")
	iip, _ := c.Get("IIP")
	balance, _ := c.Get("TRADE_BALANCE")
	if g, ok := Growth(retail, 225784, 198754.4, true); !ok || math.Abs(g-13.6) > 0.001 {
		t.Errorf("retail growth %v %v; want 13.6", g, ok)
	}
	if g, ok := Growth(iip, 115.43, 0, false); !ok || math.Abs(g-15.43) > 1e-9 {
		t.Errorf("IIP growth %v %v; want 15.43", g, ok)
	}
	for _, last := range []float64{0, -500} {
		if g, ok := Growth(balance, 8100, last, true); ok {
			t.Errorf("growth over %v: %v", last, g)
		}
	}
	if _, ok := Growth(retail, 10, 0, false); ok {
		t.Error("growth without last year")
	}
	if v, ok := Aggregate(retail, []float64{1, 2, 3}, nil); !ok || v != 6 {
		t.Errorf("sum %v %v", v, ok)
	}
	if _, ok := Aggregate(iip, []float64{110, 120}, nil); ok {
		t.Error("an index with aggregation none aggregated")
	}
	w := &Indicator{Aggregation: Weighted}
	if v, ok := Aggregate(w, []float64{110, 120}, []float64{3, 1}); !ok || v != 112.5 {
		t.Errorf("weighted %v %v", v, ok)
	}
	if _, ok := Aggregate(w, []float64{110}, []float64{0}); ok {
		t.Error("weights summing to zero")
	}
}
