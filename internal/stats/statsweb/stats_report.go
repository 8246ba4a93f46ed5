package statsweb

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/i18n"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/tabular"
	"congthuong/internal/web"
)

// reportQuery reads template, period, unit and lang.
func reportQuery(q url.Values, defaultLang string) (stats.ReportTemplate, stats.Period, string, string, error) {
	var v congthuong.Validation
	t, ok := stats.FindReportTemplate(q.Get("template"))
	if !ok {
		v.Add("template", "stats.template_must_monthly_quarterly_yearly")
	}
	p, err := stats.ParsePeriod(q.Get("period"))
	if err != nil {
		v.AddErr("period", err)
	} else if ok && p.Kind != t.PeriodKind {
		v.Add("period", "stats.report_kind_"+t.PeriodKind.String())
	}
	unitCode := strings.ToUpper(strings.TrimSpace(q.Get("unit")))
	if unitCode == "" {
		v.Add("unit", "stats.give_unit_s_code")
	}
	lang := q.Get("lang")
	switch lang {
	case "":
		lang = defaultLang
	case "vi", "en":
	default:
		v.Add("lang", "stats.lang_must_vi_en")
	}
	return t, p, unitCode, lang, v.Err("stats.invalid_report_request")
}

// buildReport writes a report from the values stored now: for each of the
// template's indicators, the period's figure and, within a year, the year
// to date, each as a sentence and a table row linked to its query.
func (s *handlers) buildReport(ctx context.Context, t stats.ReportTemplate, p stats.Period, unitCode, lang string) (*stats.Report, error) {
	rep := &stats.Report{Template: t.Code, Unit: unitCode, Period: p, Lang: lang, Sections: []stats.ReportSection{}}
	pr := i18n.Default().Printer(lang)
	periods := []stats.Period{p}
	if ytd := p.YearToDate(); ytd != p {
		periods = append(periods, ytd)
	}
	for _, code := range t.Indicators {
		var sec stats.ReportSection
		found := false
		for _, pp := range periods {
			a, err := s.stats.Analyze(ctx, statsdb.AnalyticsQuery{Indicator: code, Period: pp, Units: []string{unitCode}})
			if congthuong.ErrorCode(err) == congthuong.EINVALID && len(congthuong.ErrorFields(err)) > 0 &&
				congthuong.ErrorFields(err)[0].Field == "indicator" {
				break // an indicator removed from the catalogue: left out
			}
			if err != nil {
				return nil, err
			}
			f := a.Units[0]
			rep.UnitName = f.Name
			sec.Indicator = a.Indicator
			query := stats.AnalyticsQueryString(code, pp, unitCode)
			sec.Rows = append(sec.Rows, stats.ReportRow{Label: stats.PeriodWords(pp, pr), Period: pp.String(),
				Value: f.Value, GrowthPct: f.GrowthPct, Query: query})
			if text, ok := stats.UnitSentence(a, f, pr); ok {
				sec.Sentences = append(sec.Sentences, stats.Sentence{Text: text, Query: query})
				found = true
			}
		}
		if found {
			rep.Sections = append(rep.Sections, sec)
		}
	}
	if rep.UnitName == "" {
		rep.UnitName = unitCode
	}
	rep.Title = stats.ReportTitle(t, p, rep.UnitName, pr)
	return rep, nil
}

// apiReport answers GET /api/v1/stats/report?template=&period=&unit=&lang=.
func (s *handlers) apiReport(w http.ResponseWriter, r *http.Request) error {
	t, p, unitCode, lang, err := reportQuery(r.URL.Query(), "vi")
	if err != nil {
		return err
	}
	rep, err := s.buildReport(r.Context(), t, p, unitCode, lang)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, rep)
	return nil
}

// showReport is the printable report page.
func (s *handlers) showReport(w http.ResponseWriter, r *http.Request) error {
	pr := s.PrinterFor(r)
	q := r.URL.Query()
	v := &web.View{Title: pr.T("report.title"), Nav: "stats"}
	d := reportPage{Q: q, Templates: stats.ReportTemplates}
	status := http.StatusOK
	if q.Get("template") != "" {
		t, p, unitCode, lang, err := reportQuery(q, pr.Lang())
		var rep *stats.Report
		if err == nil {
			rep, err = s.buildReport(r.Context(), t, p, unitCode, lang)
		}
		if err != nil {
			if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
				return err
			}
			v.Errors, v.Error = web.FormErrors(pr, err)
			status = web.ErrorStatus(err)
		} else {
			v.Title = rep.Title
			d.Report = reportView(rep)
		}
	}
	web.Show(s.Server, w, r, status, "report", v, d)
	return nil
}

// reportRowView is a formatted report row.
type reportRowView struct {
	Label, Value, Growth, Query string
}

// reportPage is the report's question and, once asked, the report.
type reportPage struct {
	Q         url.Values
	Templates []stats.ReportTemplate
	Report    *reportShown
}

// reportShown is a report as the page shows it: in its language, each
// indicator a section.
type reportShown struct {
	Title    string
	Sections []reportSection
	Lang     string
}

// reportSection is an indicator's sentences and table.
type reportSection struct {
	Name      string
	Measure   string
	Sentences []stats.Sentence
	Rows      []reportRowView
}

func reportView(rep *stats.Report) *reportShown {
	var sections []reportSection
	pr := i18n.Default().Printer(rep.Lang)
	for _, sec := range rep.Sections {
		out := reportSection{Name: pr.Name(sec.Indicator.Name()), Measure: pr.Name(sec.Indicator.MeasureName()), Sentences: sec.Sentences}
		for _, r := range sec.Rows {
			row := reportRowView{Label: r.Label, Query: r.Query}
			if r.Value != nil {
				row.Value = pr.Num(*r.Value, sec.Indicator.Decimals)
			}
			if r.GrowthPct != nil {
				row.Growth = stats.Percent(*r.GrowthPct, pr)
			}
			out.Rows = append(out.Rows, row)
		}
		sections = append(sections, out)
	}
	return &reportShown{Title: rep.Title, Sections: sections, Lang: rep.Lang}
}

// exportReport answers GET /stats/report.xlsx: the report's tables as one
// sheet (indicator, period, figure, unit of measure, growth), with the
// sentences below.
func (s *handlers) exportReport(w http.ResponseWriter, r *http.Request) error {
	pr := s.PrinterFor(r)
	t, p, unitCode, lang, err := reportQuery(r.URL.Query(), pr.Lang())
	if err != nil {
		return err
	}
	rep, err := s.buildReport(r.Context(), t, p, unitCode, lang)
	if err != nil {
		return err
	}
	rp := i18n.Default().Printer(lang)
	header := []string{rp.T("stats.export_indicator"), rp.T("stats.export_period"), rp.T("stats.export_value"),
		rp.T("stats.export_measure"), rp.T("stats.export_growth")}
	var buf bytes.Buffer
	err = tabular.WriteXLSX(&buf, "report", header, func(emit func([]string) error) error {
		if err := emit([]string{rep.Title}); err != nil {
			return err
		}
		for _, sec := range rep.Sections {
			for _, row := range sec.Rows {
				rec := []string{rp.Name(sec.Indicator.Name()), row.Label, "", rp.Name(sec.Indicator.MeasureName()), ""}
				if row.Value != nil {
					rec[2] = strconv.FormatFloat(*row.Value, 'f', sec.Indicator.Decimals, 64)
				}
				if row.GrowthPct != nil {
					rec[4] = strconv.FormatFloat(*row.GrowthPct, 'f', 1, 64)
				}
				if err := emit(rec); err != nil {
					return err
				}
			}
		}
		for _, sec := range rep.Sections {
			for _, sn := range sec.Sentences {
				if err := emit([]string{sn.Text}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	web.Attachment(w, "report-"+t.Code+"-"+unitCode+"-"+p.String()+".xlsx")
	w.Write(buf.Bytes())
	return nil
}
