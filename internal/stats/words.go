package stats

import (
	"strconv"
	"strings"
	"unicode"

	"congthuong"
	"congthuong/internal/i18n"
)

// How the statistics are written in words: periods, amounts, the sentences
// of a report. The words are the stats catalogue's; the numbers are
// written in the reader's way.

// usualMeasuresEN gives the English of the usual units of measure, for an
// indicator entered without one.
var usualMeasuresEN = map[string]string{"tỷ đồng": "VND billion", "triệu đồng": "VND million", "triệu USD": "US$ million",
	"tỷ USD": "US$ billion", "triệu kWh": "million kWh", "cụm": "clusters", "khu": "parks", "dự án": "projects",
	"người": "people", "điểm": "points", "ha": "ha", "%": "%"}

// Name is the indicator's name in both languages.
func (ind *Indicator) Name() congthuong.Name { return congthuong.Name{VI: ind.NameVI, EN: ind.NameEN} }

// MeasureName is the unit of measure in both languages.
func (ind *Indicator) MeasureName() congthuong.Name {
	return congthuong.Name{VI: ind.Measure, EN: ind.MeasureEN}
}

var romanQuarter = [...]string{"", "I", "II", "III", "IV"}

// PeriodWords names a period as a report does: "quý II/2024", "4 tháng đầu
// năm 2024"; "Q2 2024", "the first 4 months of 2024".
func PeriodWords(p Period, pr *i18n.Printer) string {
	year := strconv.Itoa(p.Year)
	month := func(m int) congthuong.Text { return congthuong.Text{ID: "stats.month_" + strconv.Itoa(m)} }
	switch p.Kind {
	case Year:
		return pr.T("stats.period_year", year)
	case Half:
		if p.First == 1 {
			return pr.T("stats.period_half1", year)
		}
		return pr.T("stats.period_half2", year)
	case Quarter:
		q := (p.First + 2) / 3
		return pr.T("stats.period_quarter", romanQuarter[q], strconv.Itoa(q), year)
	case Month:
		return pr.T("stats.period_month", strconv.Itoa(p.First), year, month(p.First))
	}
	if p.First == 1 {
		return pr.T("stats.period_ytd", strconv.Itoa(p.Last), year, congthuong.Text{ID: "stats.count_" + strconv.Itoa(p.Last)})
	}
	return pr.T("stats.period_range", strconv.Itoa(p.First), strconv.Itoa(p.Last), year, month(p.First), month(p.Last))
}

// Amount writes a value with its unit of measure: "225.784 tỷ đồng",
// "13,6%"; in English a currency comes first: "VND 225,784 billion",
// "US$1,250 million".
func Amount(ind *Indicator, x float64, pr *i18n.Printer) string {
	n := pr.Num(x, ind.Decimals)
	measure := pr.Name(ind.MeasureName())
	switch {
	case measure == "%":
		return n + "%"
	case pr.Lang() == "en" && strings.HasPrefix(measure, "US$"):
		return "US$" + n + strings.TrimPrefix(measure, "US$")
	case pr.Lang() == "en" && strings.HasPrefix(measure, "VND "):
		return "VND " + n + strings.TrimPrefix(measure, "VND")
	}
	return n + " " + measure
}

// Percent writes a growth or a share: "13,6%", "13.6%".
func Percent(x float64, pr *i18n.Printer) string { return pr.Num(x, 1) + "%" }

// lowerFirst lowers a name's first letter inside a sentence ("Chỉ số …"
// → "chỉ số …") unless it begins an acronym ("IIP").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// GrowthWords writes a figure's growth, marked when it is the rate the
// statistics office published rather than the platform's own; empty when
// there is none.
func GrowthWords(f UnitFigure, pr *i18n.Printer) string {
	if f.GrowthPct == nil {
		return ""
	}
	s := Percent(*f.GrowthPct, pr)
	if f.GrowthPublished {
		s += " " + pr.T("stats.growth_published_mark")
	}
	return s
}
