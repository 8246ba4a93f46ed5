package stats

import (
	"congthuong"
	"congthuong/internal/i18n"
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
//	Retail sales of goods and consumer services of Thành phố Hải Phòng reached 225,784 VND billion in 2024, up 13.6% from 2023.
func UnitSentence(a *Analytics, f UnitFigure, pr *i18n.Printer) (string, bool) {
	ind := &a.Indicator
	name, period, last := pr.Name(ind.Name()), PeriodWords(a.Period, pr), PeriodWords(a.PreviousYear, pr)
	if f.Value == nil {
		return "", false
	}
	if ind.VersusLastYear {
		if f.GrowthPct == nil {
			return "", false
		}
		// An index's growth keeps the index's decimals: +15.43%.
		pct := pr.Num(abs(*f.GrowthPct), ind.Decimals) + "%"
		return pr.T("stats.sentence_index", name, period, f.Name, change(*f.GrowthPct, "rose"), pct, lowerFirst(name)), true
	}
	s := pr.T("stats.sentence_amount", name, period, f.Name, Amount(ind, *f.Value, pr))
	if f.GrowthPct != nil {
		growth := "stats.growth_vs_same_period"
		if a.Period.Kind == Year {
			growth = "stats.growth_vs_year"
		}
		s += pr.T(growth, change(*f.GrowthPct, "up"), Percent(abs(*f.GrowthPct), pr), last)
	}
	return s + ".", true
}

// GroupSentence states how many units grew:
//
//	25/28 địa phương có chỉ số sản xuất công nghiệp tăng so với cùng kỳ, trong đó 11 địa phương tăng từ 10% trở lên.
//	In 2024, 25 of 28 localities recorded growth in the index of industrial production, 11 of them by 10% or more.
func GroupSentence(a *Analytics, pr *i18n.Printer) (string, bool) {
	s := a.Summary
	if s.Count == 0 {
		return "", false
	}
	period := PeriodWords(a.Period, pr)
	return pr.T("stats.sentence_group", upperFirst(period), s.CountGrowthPositive, len(a.Units),
		lowerFirst(pr.Name(a.Indicator.Name())), s.CountGrowthAtLeast10, period), true
}

// change names a growth's direction: "rose"/"fell" or "up"/"down" in
// English, "tăng"/"giảm" in Vietnamese.
func change(g float64, rise string) congthuong.Text {
	word := map[string][2]string{"rose": {"stats.rose", "stats.fell"}, "up": {"stats.up", "stats.down"}}[rise]
	if g < 0 {
		return congthuong.Text{ID: word[1]}
	}
	return congthuong.Text{ID: word[0]}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
