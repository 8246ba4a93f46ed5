package stats

import (
	"testing"

	"congthuong"
)

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"225784": 225784, "225784.5": 225784.5, "225.784,5": 225784.5, "225784,5": 225784.5,
		" 1 234 ": 1234, "-12.5": -12.5, "1e3": 1000} {
		if got, ok := ParseNumber(in); !ok || got != want {
			t.Errorf("%q → %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "1,2,3", "NaN", "Inf", "12%"} {
		if got, ok := ParseNumber(in); ok {
			t.Errorf("%q accepted as %v", in, got)
		}
	}
}

func TestParseValueRecord(t *testing.T) {
	rec := func(m map[string]string) func(string) string { return func(c string) string { return m[c] } }
	var v congthuong.Validation
	r, ok := ParseValueRecord(2, rec(map[string]string{"indicator": "retail_sales", "unit": "31", "period": "2024", "value": "225784"}), &v)
	if !ok || r.Indicator != "RETAIL_SALES" || r.Period.String() != "2024" || r.Value != 225784 || r.Status != Official {
		t.Errorf("good row: %+v %v", r, v.Err("x"))
	}
	_, ok = ParseValueRecord(3, rec(map[string]string{"period": "2024Q5", "value": "x", "status": "final"}), &v)
	fields := map[string]bool{}
	for _, f := range congthuong.ErrorFields(v.Err("x")) {
		if f.Row != 3 {
			t.Errorf("problem on row %d", f.Row)
		}
		fields[f.Field] = true
	}
	if ok || len(fields) != 5 {
		t.Errorf("bad row: %v", fields)
	}
}
