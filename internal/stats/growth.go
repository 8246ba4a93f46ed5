package stats

import (
	"io"
	"math"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/tabular"
)

// GrowthRow is a growth rate the statistics office published for an
// indicator, a unit and a period: the change in percent over the same
// period a year before (13.6 for +13.6 %, an index of 113.6).
type GrowthRow struct {
	Line      int
	Indicator string
	UnitCode  string
	Period    Period
	GrowthPct float64
	Source    string
}

// GrowthColumns are the columns of a published growth rates' import.
var GrowthColumns = []string{"indicator", "unit", "period", "growth_pct", "source"}

// MaxGrowthPct bounds a growth rate: a thousandfold rise is a typing
// error, not a statistic; a fall is at most 100 %.
const MaxGrowthPct = 100_000

// ParseGrowthRecord reads one row of a growth rates' import (columns as
// GrowthColumns; source optional), adding each problem to v with the row
// and column.
func ParseGrowthRecord(line int, get func(col string) string, v *congthuong.Validation) GrowthRow {
	indicator, unitCode, period := parseRowKey(line, get, v)
	r := GrowthRow{Line: line, Indicator: indicator, UnitCode: unitCode, Period: period, Source: strings.TrimSpace(get("source"))}
	raw := strings.TrimSuffix(strings.TrimSpace(get("growth_pct")), "%")
	x, ok := ParseNumber(strings.TrimSpace(raw))
	switch {
	case !ok:
		v.AddRow(line, "growth_pct", "stats.value_not_number", strconv.Quote(raw))
	case x <= -100 || x > MaxGrowthPct || math.IsNaN(x):
		v.AddRow(line, "growth_pct", "stats.growth_out_of_range")
	default:
		r.GrowthPct = x
	}
	return r
}

// ReadGrowthImport reads a published growth rates' file (CSV or XLSX with
// the columns indicator, unit, period, growth_pct[, source]) as it is
// parsed, as ReadValueImport does.
func ReadGrowthImport(r io.Reader) tabular.Source[GrowthRow] {
	return readImport(r, GrowthColumns, []string{"indicator", "unit", "period", "growth_pct"}, ParseGrowthRecord)
}
