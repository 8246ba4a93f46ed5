package stats

import (
	"fmt"
	"unicode"
)

// Sentence is one sentence of a written report, with the figures it states
// so that each can link to the query that produced it.
type Sentence struct {
	Text string `json:"text"`
	// Query is the analytics query the sentence's figures come from, as the
	// query string of /api/v1/stats/analytics.
	Query string `json:"query"`
}

// UnitSentence states one unit's figure: its value and its growth over
// the same period last year.
//
//	Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2024 của Thành phố Hải Phòng đạt 225.784 tỷ đồng, tăng 13,6% so với năm 2023.
//	Retail sales of goods and consumer services of Thành phố Hải Phòng reached VND 225,784 billion in 2024, up 13.6% from 2023.
func UnitSentence(a *Analytics, f UnitFigure, lang string) (string, bool) {
	ind := &a.Indicator
	name, period, last := ind.NameEN, PeriodWords(a.Period, lang), PeriodWords(a.PreviousYear, lang)
	if lang == "vi" {
		name = ind.NameVI
	}
	if f.Value == nil {
		return "", false
	}
	if ind.VersusLastYear {
		if f.GrowthPct == nil {
			return "", false
		}
		// An index's growth keeps the index's decimals: +15.43%.
		pct := FormatNumber(abs(*f.GrowthPct), ind.Decimals, lang) + "%"
		if lang == "vi" {
			return fmt.Sprintf("%s %s của %s %s %s so với cùng kỳ năm trước.", name, period, f.Name, changeVI(*f.GrowthPct), pct), true
		}
		return fmt.Sprintf("The %s of %s %s %s year on year in %s.", lowerFirst(name), f.Name, changeEN(*f.GrowthPct), pct, period), true
	}
	amount := Amount(ind, *f.Value, lang)
	if lang == "vi" {
		s := fmt.Sprintf("%s %s của %s đạt %s", name, period, f.Name, amount)
		if f.GrowthPct != nil {
			s += fmt.Sprintf(", %s %s so với %s", changeVI(*f.GrowthPct), Percent(abs(*f.GrowthPct), lang), sameVI(a, last))
		}
		return s + ".", true
	}
	s := fmt.Sprintf("%s of %s reached %s in %s", name, f.Name, amount, period)
	if f.GrowthPct != nil {
		s += fmt.Sprintf(", %s %s from %s", changeENShort(*f.GrowthPct), Percent(abs(*f.GrowthPct), lang), last)
	}
	return s + ".", true
}

// GroupSentence states how many units grew:
//
//	25/28 địa phương có chỉ số sản xuất công nghiệp tăng so với cùng kỳ, trong đó 11 địa phương tăng từ 10% trở lên.
//	25 of 28 localities recorded growth in the index of industrial production, 11 of them by 10% or more.
func GroupSentence(a *Analytics, lang string) (string, bool) {
	s := a.Summary
	n := len(a.Units)
	if s.Count == 0 {
		return "", false
	}
	ind := &a.Indicator
	if lang == "vi" {
		return fmt.Sprintf("%s: %d/%d địa phương có %s tăng so với cùng kỳ, trong đó %d địa phương tăng từ 10%% trở lên.",
			upperFirst(PeriodWords(a.Period, lang)), s.CountGrowthPositive, n, lowerFirst(ind.NameVI), s.CountGrowthAtLeast10), true
	}
	return fmt.Sprintf("In %s, %d of %d localities recorded growth in the %s, %d of them by 10%% or more.",
		PeriodWords(a.Period, lang), s.CountGrowthPositive, n, lowerFirst(ind.NameEN), s.CountGrowthAtLeast10), true
}

func sameVI(a *Analytics, last string) string {
	if a.Period.Kind == Year {
		return last
	}
	return "cùng kỳ năm trước"
}

func changeVI(g float64) string {
	if g < 0 {
		return "giảm"
	}
	return "tăng"
}

func changeEN(g float64) string {
	if g < 0 {
		return "fell"
	}
	return "rose"
}

func changeENShort(g float64) string {
	if g < 0 {
		return "down"
	}
	return "up"
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

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
