package statsweb

import (
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/web"
)

// statsRow is a table row of the statistics page, formatted.
type statsRow struct {
	Rank                                     string
	Unit, Name                               string
	Value, PreviousYear, Growth, Share       string
	GrowthUp, GrowthDown, Restated, HasValue bool
	rank                                     int
}

// statsPage is the analytics page: the question as a form, and the
// analysis in words, a ranking table and totals.
type statsPage struct {
	Indicators                                []stats.Indicator
	Form                                      url.Values
	Lang                                      string
	A                                         *stats.Analytics
	APIQuery, Period, PreviousPeriod, Measure string
	Rows                                      []statsRow
	Sentences                                 []string
	Total, TotalGrowth                        string
	// Latest names the period the page opened on by itself: the latest
	// with official figures.
	Latest string
	// Map draws the provinces coloured by their figures, when the units
	// are the provinces; NoCommuneMap says that communes have no map yet.
	Map          template.HTML
	NoCommuneMap bool
}

// showStats is the statistics page: one indicator and period over units,
// as a written sentence and a ranking table, each figure linked to the
// API query that produced it. The public sees official values only.
func (s *handlers) showStats(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	pr, lang := p.Printer, p.Lang()
	q := r.URL.Query()
	list, err := s.stats.Indicators(r.Context())
	if err != nil {
		return err
	}
	form := url.Values{"indicator": {"RETAIL_SALES"}, "period": {strconv.Itoa(calendar.DateOf(s.Now()).Year - 1)}, "units": {"children:VN"}}
	if a := congthuong.ActorFrom(r.Context()); a.ProvinceCode != "" && a.ProvinceCode != congthuong.CountryCode {
		form.Set("units", a.ProvinceCode)
	}
	for k := range form {
		if v := q.Get(k); v != "" {
			form.Set(k, v)
		}
	}
	d := statsPage{Indicators: list, Form: form, Lang: lang}
	if q.Get("period") == "" {
		// Opened without a period: on the latest month with official
		// figures, said so, rather than on a year that may have none.
		latest, ok, err := s.stats.LatestOfficialMonth(r.Context(), form.Get("indicator"))
		if err != nil {
			return err
		}
		if ok {
			form.Set("period", latest.String())
			d.Latest = stats.PeriodWords(latest, pr)
		}
	}
	v := &web.View{Title: p.T("stats.title"), Nav: "stats"}
	status := http.StatusOK
	aq, err := analyticsQuery(form)
	var a *stats.Analytics
	if err == nil {
		a, err = s.stats.Analyze(r.Context(), aq)
	}
	if err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	} else {
		d.A = a
		d.APIQuery = "/api/v1/stats/analytics?" + form.Encode()
		d.Period = stats.PeriodWords(a.Period, pr)
		d.PreviousPeriod = stats.PeriodWords(a.PreviousYear, pr)
		d.Measure = pr.Name(a.Indicator.MeasureName())
		var sentences []string
		if len(a.Units) > 1 {
			if s, ok := stats.GroupSentence(a, pr); ok && a.Summary.CountGrowthPositive+a.Summary.Count > 0 {
				sentences = append(sentences, s)
			}
		}
		rows := make([]statsRow, 0, len(a.Units))
		for _, f := range a.Units {
			row := statsRow{Unit: f.Unit, Name: f.Name, Restated: f.Restated, HasValue: f.Value != nil, rank: f.Rank}
			if f.Rank > 0 {
				row.Rank = strconv.Itoa(f.Rank)
			}
			if f.Value != nil {
				row.Value = pr.Num(*f.Value, a.Indicator.Decimals)
			}
			if f.PreviousYearValue != nil {
				row.PreviousYear = pr.Num(*f.PreviousYearValue, a.Indicator.Decimals)
			}
			if f.GrowthPct != nil {
				row.Growth = stats.GrowthWords(f, pr)
				row.GrowthUp, row.GrowthDown = *f.GrowthPct > 0, *f.GrowthPct < 0
			}
			if f.SharePct != nil {
				row.Share = stats.Percent(*f.SharePct, pr)
			}
			rows = append(rows, row)
			if len(a.Units) <= 3 {
				if s, ok := stats.UnitSentence(a, f, pr); ok {
					sentences = append(sentences, s)
				}
			}
		}
		// A ranking table: best first, units without a value last.
		sort.SliceStable(rows, func(i, j int) bool {
			ri, rj := rows[i].rank, rows[j].rank
			return ri > 0 && (rj == 0 || ri < rj)
		})
		d.Rows, d.Sentences = rows, sentences
		d.Map, d.NoCommuneMap = s.unitsMap(p, a, aq)
		if a.Summary.Total != nil {
			d.Total = pr.Num(*a.Summary.Total, a.Indicator.Decimals)
		}
		if a.Summary.TotalGrowthPct != nil {
			d.TotalGrowth = stats.Percent(*a.Summary.TotalGrowthPct, pr)
		}
	}
	web.Show(s.Server, w, r, status, "stats", v, d)
	return nil
}

// unitsMap draws an analysis of the provinces as a map coloured by their
// figures; for communes it says there is no map: no openly licensed
// outline of the 3,321 communes ships with the platform.
func (s *handlers) unitsMap(p *web.Printer, a *stats.Analytics, q statsdb.AnalyticsQuery) (template.HTML, bool) {
	if q.ChildrenOf != congthuong.CountryCode {
		return "", q.ChildrenOf != ""
	}
	values := map[string]web.MapValue{}
	for _, f := range a.Units {
		if f.Value != nil {
			values[f.Unit] = web.MapValue{Name: f.Name, Value: *f.Value, Label: p.Num(*f.Value, a.Indicator.Decimals) + " " + p.Name(a.Indicator.MeasureName())}
		}
	}
	return s.Choropleth(values, p.T("stats.map_title", p.Name(a.Indicator.Name()), stats.PeriodWords(a.Period, p.Printer)),
		p.T("stats.map_no_data"), func(v float64) string { return p.Num(v, a.Indicator.Decimals) }), false
}
