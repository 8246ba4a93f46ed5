package stats

import (
	"strings"
	"testing"
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
		{iip, row("IIP", "2024-04", 11.5), "an index of 11.50"},
	} {
		got := strings.Join(CheckValue(test.ind, test.row, get), "; ")
		if test.want == "" && got != "" || !strings.Contains(got, test.want) {
			t.Errorf("%s %v: %q; want %q", test.row.Period, test.row.Value, got, test.want)
		}
	}
}
