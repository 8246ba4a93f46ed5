package stats

import (
	"strings"
	"testing"

	"congthuong"
)

func TestCheckValue(t *testing.T) {
	c, _ := NewCatalog(DefaultIndicators())
	retail, _ := c.Get("RETAIL_SALES")
	iip, _ := c.Get("IIP")
	known := map[string]float64{"2023-04": 100, "2024-01..2024-04": 300}
	get := func(p Period) (float64, bool) { v, ok := known[p.String()]; return v, ok }
	row := func(ind string, period string, v float64) ValueRow {
		p, _ := ParsePeriod(period)
		return ValueRow{Indicator: ind, Period: p, Value: v}
	}
	for _, test := range []struct {
		ind  *Indicator
		row  ValueRow
		want string
	}{
		{retail, row("RETAIL_SALES", "2024-04", 120), ""},
		{retail, row("RETAIL_SALES", "2024-04", 180), "+80.0% over the same period last year"},
		{retail, row("RETAIL_SALES", "2024-04", 40), "-60.0%"},
		{retail, row("RETAIL_SALES", "2024-04", 320), "larger than the year to date"},
		{iip, row("IIP", "2024-04", 115.43), ""},
		{iip, row("IIP", "2024-04", 11.5), "an index of 11.5 means -88.5%"},
	} {
		got := texts(CheckValue(test.ind, test.row, get, Scale{}))
		if test.want == "" && got != "" || !strings.Contains(got, test.want) {
			t.Errorf("%s %v: %q; want %q", test.row.Period, test.row.Value, got, test.want)
		}
	}
}

func TestRobustZ(t *testing.T) {
	history := []float64{100, 104, 98, 101, 103, 99, 250} // one wild month already stored
	if z, ok := RobustZ(history, 102); !ok || z > 1 {
		t.Errorf("an ordinary month: z = %v", z)
	}
	if z, ok := RobustZ(history, 400); !ok || z < OutlierZ {
		t.Errorf("a wild month: z = %v", z)
	}
	if _, ok := RobustZ(history[:5], 400); ok {
		t.Error("five values are not a history")
	}
	if _, ok := RobustZ([]float64{5, 5, 5, 5, 5, 5}, 9); ok {
		t.Error("no spread, no score")
	}
	c, _ := NewCatalog(DefaultIndicators())
	retail, _ := c.Get("RETAIL_SALES")
	p, _ := ParsePeriod("2024-07")
	none := func(Period) (float64, bool) { return 0, false }
	if w := CheckValue(retail, ValueRow{Period: p, Value: 400}, none, NewScale(history)); len(w) != 1 || !strings.Contains(w[0].String(), "outlier") {
		t.Errorf("outlier warning: %v", w)
	}
}

// texts writes warnings in English, one after the other.
func texts(list []congthuong.Text) string {
	var out []string
	for _, t := range list {
		out = append(out, t.String())
	}
	return strings.Join(out, "; ")
}
