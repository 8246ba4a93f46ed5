package stats

import (
	"net/url"

	"congthuong"
	"congthuong/internal/i18n"
)

// ReportTemplate is a written report's plan: the indicators it covers, in
// order, and the periods it states.
type ReportTemplate struct {
	Code       string
	NameVI     string
	NameEN     string
	Indicators []string
	// PeriodKind is the kind of period the report is for.
	PeriodKind PeriodKind
}

// ReportTemplates are the reports the department writes: monthly,
// quarterly and yearly, each on the usual indicators.
var ReportTemplates = []ReportTemplate{
	{Code: "monthly", NameVI: "Báo cáo tháng", NameEN: "Monthly report", PeriodKind: Month,
		Indicators: []string{"IIP", "RETAIL_SALES", "EXPORTS", "IMPORTS", "TRADE_BALANCE", "ELECTRICITY_SUPPLIED"}},
	{Code: "quarterly", NameVI: "Báo cáo quý", NameEN: "Quarterly report", PeriodKind: Quarter,
		Indicators: []string{"IIP", "RETAIL_SALES", "EXPORTS", "IMPORTS", "TRADE_BALANCE", "ELECTRICITY_SUPPLIED"}},
	{Code: "yearly", NameVI: "Báo cáo năm", NameEN: "Yearly report", PeriodKind: Year,
		Indicators: []string{"IIP", "RETAIL_SALES", "EXPORTS", "IMPORTS", "TRADE_BALANCE", "ECOMMERCE_INDEX", "CLUSTERS",
			"CLUSTER_AREA", "ELECTRICITY_SUPPLIED"}},
}

// FindReportTemplate returns a template by code.
func FindReportTemplate(code string) (ReportTemplate, bool) {
	for _, t := range ReportTemplates {
		if t.Code == code {
			return t, true
		}
	}
	return ReportTemplate{}, false
}

// ReportSection is one indicator's part of a report: its sentences and the
// figures of its table, each traceable to an analytics query.
type ReportSection struct {
	Indicator Indicator   `json:"indicator"`
	Sentences []Sentence  `json:"sentences"`
	Rows      []ReportRow `json:"rows"`
}

// ReportRow is one line of a section's table: a period's figure.
type ReportRow struct {
	Label     string   `json:"label"` // "tháng 4/2024", "4 tháng đầu năm 2024"
	Period    string   `json:"period"`
	Value     *float64 `json:"value"`
	GrowthPct *float64 `json:"growth_pct"`
	Query     string   `json:"query"`
}

// Report is a written report.
type Report struct {
	Template string          `json:"template"`
	Title    string          `json:"title"`
	Unit     string          `json:"unit"`
	UnitName string          `json:"unit_name"`
	Period   Period          `json:"period"`
	Lang     string          `json:"lang"`
	Sections []ReportSection `json:"sections"`
}

// AnalyticsQueryString is the query string of /api/v1/stats/analytics for
// one indicator, period and units.
func AnalyticsQueryString(indicator string, p Period, units string) string {
	return "/api/v1/stats/analytics?" + url.Values{"indicator": {indicator}, "period": {p.String()}, "units": {units}}.Encode()
}

// ReportTitle writes "Báo cáo tháng: tháng 4/2024 — Thành phố Hải Phòng".
func ReportTitle(t ReportTemplate, p Period, unitName string, pr *i18n.Printer) string {
	return pr.T("stats.report_title", congthuong.Name{VI: t.NameVI, EN: t.NameEN}, PeriodWords(p, pr), unitName)
}
