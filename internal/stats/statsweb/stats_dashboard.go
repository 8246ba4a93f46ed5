package statsweb

import (
	"context"
	"encoding/json"
	"html/template"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/i18n"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/web"
)

// showDashboard draws one indicator for one unit and year: its months
// against the year before, growth by unit among its peers (the provinces,
// or the communes of its province), a ranking and the year's target. The
// charts are ECharts options computed here; the tables under them carry
// the same figures for readers without JavaScript.
func (s *handlers) showDashboard(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	q := r.URL.Query()
	code := strings.ToUpper(q.Get("indicator"))
	if code == "" {
		code = "RETAIL_SALES"
	}
	unitCode := strings.ToUpper(q.Get("unit"))
	if unitCode == "" {
		unitCode = s.HomeProvince()
		if a := congthuong.ActorFrom(r.Context()); a.ProvinceCode != "" && a.ProvinceCode != congthuong.CountryCode {
			unitCode = a.ProvinceCode
		}
	}
	year := calendar.DateOf(s.Now()).Year - 1
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y >= stats.MinYear && y <= stats.MaxYear {
		year = y
	} else if latest, ok, err := s.stats.LatestOfficialMonth(r.Context(), code); err != nil {
		return err
	} else if ok {
		year = latest.Year // the year of the latest official figures, not one without any
	}
	list, err := s.stats.Indicators(r.Context())
	if err != nil {
		return err
	}
	v := &web.View{Title: p.T("dashboard.title"), Nav: "stats"}
	d := &dashboardPage{Indicators: list, Indicator: code, Unit: unitCode, Year: year}
	status := http.StatusOK
	if err := s.dashboardData(r.Context(), d, code, unitCode, year, p.Printer); err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	}
	web.Show(s.Server, w, r, status, "dashboard", v, d)
	return nil
}

// dashboardPage is one indicator for one unit and year: the question, the
// figures' words, the ranking among peers, the target, and the charts'
// options.
type dashboardPage struct {
	Indicators                      []stats.Indicator
	Indicator, Unit                 string
	Year                            int
	Name, UnitName, Measure         string
	Ranking                         []rankRow
	Attainment, Target              string
	GaugeJSON, SeriesJSON, BarsJSON template.JS
	// HasMonths and HasGrowth say whether the charts have anything to
	// draw: an empty chart is never drawn.
	HasMonths, HasGrowth bool
}

// rankRow is a unit's place among its peers.
type rankRow struct {
	Rank                int
	Name, Value, Growth string
	Mine                bool
}

func (s *handlers) dashboardData(ctx context.Context, d *dashboardPage, code, unitCode string, year int, pr *i18n.Printer) error {
	yearAnalysis, err := s.stats.Analyze(ctx, statsdb.AnalyticsQuery{Indicator: code, Period: stats.YearOf(year), Units: []string{unitCode}})
	if err != nil {
		return err
	}
	ind := yearAnalysis.Indicator
	me := yearAnalysis.Units[0]
	d.Name, d.UnitName, d.Measure = pr.Name(ind.Name()), me.Name, pr.Name(ind.MeasureName())

	// Months of the year against the year before.
	var months []string
	var this, last []any
	for m := 1; m <= 12; m++ {
		a, err := s.stats.Analyze(ctx, statsdb.AnalyticsQuery{Indicator: code, Period: stats.MonthOf(year, m), Units: []string{unitCode}})
		if err != nil {
			return err
		}
		months = append(months, strconv.Itoa(m))
		d.HasMonths = d.HasMonths || a.Units[0].Value != nil
		this = append(this, orNil(a.Units[0].Value))
		last = append(last, orNil(a.Units[0].PreviousYearValue))
	}
	series := map[string]any{
		"tooltip": map[string]any{"trigger": "axis", "renderMode": "richText"},
		"legend":  map[string]any{"data": []string{strconv.Itoa(year), strconv.Itoa(year - 1)}},
		"grid":    map[string]any{"left": 80},
		"xAxis":   map[string]any{"type": "category", "data": months},
		"yAxis":   map[string]any{"type": "value", "name": pr.Name(ind.MeasureName())},
		"series": []any{
			map[string]any{"name": strconv.Itoa(year), "type": "line", "data": this, "connectNulls": false},
			map[string]any{"name": strconv.Itoa(year - 1), "type": "line", "data": last, "lineStyle": map[string]any{"type": "dashed"}},
		},
	}

	// Growth by unit among its peers.
	peers := statsdb.AnalyticsQuery{Indicator: code, Period: stats.YearOf(year), ChildrenOf: me.Parent}
	if peers.ChildrenOf == "" {
		peers.ChildrenOf = congthuong.CountryCode
	}
	pa, err := s.stats.Analyze(ctx, peers)
	if err != nil {
		return err
	}
	var names []string
	var growth []any
	var ranking []rankRow
	for _, f := range pa.Units {
		if f.GrowthPct != nil {
			names = append(names, f.Name)
			growth = append(growth, round1(*f.GrowthPct))
		}
		if f.Rank > 0 && (f.Rank <= 10 || f.Unit == unitCode) {
			row := rankRow{Rank: f.Rank, Name: f.Name, Value: pr.Num(*f.Value, ind.Decimals), Mine: f.Unit == unitCode}
			if f.GrowthPct != nil {
				row.Growth = stats.GrowthWords(f, pr)
			}
			ranking = append(ranking, row)
		}
	}
	sort.Slice(ranking, func(i, j int) bool { return ranking[i].Rank < ranking[j].Rank })
	bars := map[string]any{
		"tooltip": map[string]any{"renderMode": "richText"},
		"grid":    map[string]any{"left": 160},
		"xAxis":   map[string]any{"type": "value", "name": "%"},
		"yAxis":   map[string]any{"type": "category", "data": names, "axisLabel": map[string]any{"fontSize": 10}},
		"series":  []any{map[string]any{"type": "bar", "data": growth}},
	}
	d.Ranking, d.HasGrowth = ranking, len(growth) > 0

	// The year's target.
	if me.Target != nil && me.AttainmentPct != nil {
		d.Attainment = stats.Percent(*me.AttainmentPct, pr)
		d.Target = pr.Num(*me.Target, ind.Decimals)
		d.GaugeJSON = chartJSON(map[string]any{"series": []any{map[string]any{"type": "gauge", "min": 0, "max": 120,
			"detail": map[string]any{"formatter": "{value}%"}, "data": []any{map[string]any{"value": round1(*me.AttainmentPct)}}}}})
	}
	d.SeriesJSON, d.BarsJSON = chartJSON(series), chartJSON(bars)
	return nil
}

func orNil(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// chartJSON is an ECharts option for a <script type="application/json">
// block, which the strict Content-Security-Policy allows.
func chartJSON(option any) template.JS {
	b, _ := json.Marshal(option)
	return template.JS(b)
}

// unitCardPage is every indicator of one unit for a year.
type unitCardPage struct {
	Unit, UnitName string
	Year           int
	Rows           []unitCardRow
}

// unitCardRow is one indicator on a unit's card.
type unitCardRow struct {
	Code, Name, Measure, Value, Growth, Attainment string
}

// showUnitCard lists every indicator of one unit for a year: value, growth
// over the year before and attainment of the target, each linked to its
// dashboard.
func (s *handlers) showUnitCard(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	unitCode := strings.ToUpper(r.PathValue("code"))
	year := calendar.DateOf(s.Now()).Year - 1
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= stats.MinYear && y <= stats.MaxYear {
		year = y
	}
	list, err := s.stats.Indicators(r.Context())
	if err != nil {
		return err
	}
	var rows []unitCardRow
	unitName := unitCode
	for _, ind := range list {
		a, err := s.stats.Analyze(r.Context(), statsdb.AnalyticsQuery{Indicator: ind.Code, Period: stats.YearOf(year), Units: []string{unitCode}})
		if err != nil {
			return err
		}
		f := a.Units[0]
		unitName = f.Name
		if f.Value == nil {
			continue
		}
		row := unitCardRow{Code: ind.Code, Name: p.Name(ind.Name()), Measure: p.Name(ind.MeasureName()), Value: p.Num(*f.Value, ind.Decimals)}
		if f.GrowthPct != nil {
			row.Growth = stats.GrowthWords(f, p.Printer)
		}
		if f.AttainmentPct != nil {
			row.Attainment = stats.Percent(*f.AttainmentPct, p.Printer)
		}
		rows = append(rows, row)
	}
	web.Show(s.Server, w, r, http.StatusOK, "unit_card", &web.View{Title: unitName, Nav: "stats"},
		unitCardPage{Unit: unitCode, UnitName: unitName, Year: year, Rows: rows})
	return nil
}
