package stats

import (
	"testing"

	"congthuong/internal/i18n"
)

func TestWords(t *testing.T) {
	vi, en := i18n.Default().Printer("vi"), i18n.Default().Printer("en")
	for s, want := range map[string][2]string{
		"2024": {"năm 2024", "2024"}, "2024H1": {"6 tháng đầu năm 2024", "the first half of 2024"},
		"2024Q2": {"quý II/2024", "Q2 2024"}, "2024-04": {"tháng 4/2024", "April 2024"},
		"2024-01..2024-04": {"4 tháng đầu năm 2024", "the first four months of 2024"},
		"2024-03..2024-05": {"từ tháng 3 đến tháng 5/2024", "March–May 2024"},
	} {
		p, _ := ParsePeriod(s)
		if vi, en := PeriodWords(p, vi), PeriodWords(p, en); vi != want[0] || en != want[1] {
			t.Errorf("%s: %q, %q", s, vi, en)
		}
	}
}

func TestSentences(t *testing.T) {
	c, _ := NewCatalog(DefaultIndicators())
	retail, _ := c.Get("RETAIL_SALES")
	v, last := 225784.0, 198754.4
	g, _ := Growth(retail, v, last, true)
	a := &Analytics{Indicator: *retail, Period: YearOf(2024), PreviousYear: YearOf(2023),
		Units: []UnitFigure{{Unit: "31", Name: "Thành phố Hải Phòng", Value: &v, PreviousYearValue: &last, GrowthPct: &g}}}
	for lang, want := range map[string]string{
		"vi": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2024 của Thành phố Hải Phòng đạt 225.784 tỷ đồng, tăng 13,6% so với năm 2023.",
		"en": "Retail sales of goods and consumer services of Thành phố Hải Phòng reached VND 225,784 billion in 2024, up 13.6% from 2023.",
	} {
		if got, ok := UnitSentence(a, a.Units[0], i18n.Default().Printer(lang)); !ok || got != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
		}
	}
	iip, _ := c.Get("IIP")
	x := 115.43
	gi, _ := Growth(iip, x, 0, false)
	b := &Analytics{Indicator: *iip, Period: YearOf(2024), PreviousYear: YearOf(2023),
		Units: []UnitFigure{{Unit: "31", Name: "Thành phố Hải Phòng", Value: &x, GrowthPct: &gi}}}
	if got, _ := UnitSentence(b, b.Units[0], i18n.Default().Printer("en")); got != "The index of industrial production (IIP) of Thành phố Hải Phòng rose 15.43% year on year in 2024." {
		t.Errorf("IIP en: %s", got)
	}
	ytd, _ := ParsePeriod("2024-01..2024-04")
	group := &Analytics{Indicator: *iip, Period: ytd, Units: make([]UnitFigure, 28),
		Summary: AnalyticsSummary{Count: 28, CountGrowthPositive: 25, CountGrowthAtLeast10: 11}}
	for lang, want := range map[string]string{
		"vi": "4 tháng đầu năm 2024: 25/28 địa phương có chỉ số sản xuất công nghiệp (IIP) tăng so với cùng kỳ, trong đó 11 địa phương tăng từ 10% trở lên.",
		"en": "In the first four months of 2024, 25 of 28 localities recorded growth in the index of industrial production (IIP), 11 of them by 10% or more.",
	} {
		if got, ok := GroupSentence(group, i18n.Default().Printer(lang)); !ok || got != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
		}
	}
}
