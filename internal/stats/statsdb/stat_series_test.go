package statsdb

import (
	"testing"

	"congthuong/internal/stats"
)

func TestSeriesEncoding(t *testing.T) {
	in := []seriesEntry{
		{first: 4, last: 6, value: 12.5},
		{first: 1, last: 1, official: true, value: 1e15 + 0.1},
		{first: 1, last: 12, official: true, value: -3},
	}
	data := seriesData(encodeSeries(in))
	if len(data) != 1+3*seriesEntrySize || !data.valid() {
		t.Fatalf("%d bytes", len(data))
	}
	for _, c := range []struct {
		p            stats.Period
		officialOnly bool
		want         float64
		found        bool
	}{
		{stats.MonthOf(2025, 1), false, 1e15 + 0.1, true},
		{stats.YearOf(2025), true, -3, true},
		{stats.QuarterOf(2025, 2), false, 12.5, true},
		{stats.QuarterOf(2025, 2), true, 0, false}, // not official
		{stats.MonthOf(2025, 2), false, 0, false},  // never stored
	} {
		if v, ok := data.find(c.p, c.officialOnly); v != c.want || ok != c.found {
			t.Errorf("%s (official only %v): %v %v", c.p, c.officialOnly, v, ok)
		}
	}
	if _, ok := seriesData(nil).find(stats.MonthOf(2025, 1), false); ok {
		t.Error("found in nothing")
	}
	for _, bad := range []seriesData{nil, {2}, data[:len(data)-1]} {
		if bad.valid() {
			t.Errorf("%v is valid", bad)
		}
	}
}
