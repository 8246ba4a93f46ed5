package procedureweb

import (
	"net/http"
	"net/url"
	"strconv"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/stats"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

// scorecardPage is a desk's Decision 766 scorecard as a page: the rates
// that earn its points, the counters behind them, and the dossiers that
// cost points; with the unit and period to choose.
type scorecardPage struct {
	Unit    string
	Period  string
	Units   []unit.Unit
	Periods []periodChoice
	S       *proceduredb.Scorecard
	Rates   []rate
	Export  string
}

// periodChoice is a period offered in the form.
type periodChoice struct{ Value, Label string }

// rate is one of the scorecard's rates, its target and the share of the
// indicator's points it earns.
type rate struct {
	Key    string
	Value  float64
	Target float64
	Points float64
}

// PointsPercent is the share of the indicator's points earned, in percent.
func (r rate) PointsPercent() float64 { return r.Points * 100 }

// showScorecard is the scorecard of the actor's desk, or of a commune of
// the province for the department's staff, for a year, quarter or month.
func (s *handlers) showScorecard(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsStaff() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	q := r.URL.Query()
	page := scorecardPage{Unit: q.Get("unit"), Period: q.Get("period")}
	if page.Unit == "" {
		page.Unit = a.UnitCode
		if page.Unit == congthuong.CountryCode {
			page.Unit = s.homeProvince(a)
		}
	}
	year := calendar.DateOf(s.Now()).Year
	if page.Period == "" {
		page.Period = strconv.Itoa(year)
	}
	for y := year; y >= year-1; y-- {
		page.Periods = append(page.Periods, periodChoice{stats.YearOf(y).String(), stats.PeriodWords(stats.YearOf(y), p.Printer)})
		for k := 4; k >= 1; k-- {
			page.Periods = append(page.Periods, periodChoice{stats.QuarterOf(y, k).String(), stats.PeriodWords(stats.QuarterOf(y, k), p.Printer)})
		}
		for m := 12; m >= 1; m-- {
			page.Periods = append(page.Periods, periodChoice{stats.MonthOf(y, m).String(), stats.PeriodWords(stats.MonthOf(y, m), p.Printer)})
		}
	}
	// The department's staff choose their province or one of its communes.
	if a.UnitCode != congthuong.CountryCode {
		if u, err := s.units.FindUnit(r.Context(), a.UnitCode, s.Today()); err == nil {
			page.Units = append(page.Units, u)
			if u.Level == unit.Province {
				communes, _, err := s.units.FindUnits(r.Context(), unitdb.UnitFilter{Parent: u.Code, Level: unit.Commune, ValidOn: s.Today(),
					Page: db.Page{Limit: db.MaxLimit, Sort: "name"}})
				if err != nil {
					return err
				}
				page.Units = append(page.Units, communes...)
			}
		}
	}
	v := &web.View{Title: p.T("scorecard.title"), Nav: "dossiers"}
	status := http.StatusOK
	period, err := stats.ParsePeriod(page.Period)
	if err == nil {
		page.S, err = s.procedures.Scorecard(r.Context(), page.Unit, period)
	} else {
		err = congthuong.FieldErrOf(congthuong.EINVALID, "period", err)
	}
	if err != nil {
		switch congthuong.ErrorCode(err) {
		case congthuong.EINVALID, congthuong.EFORBIDDEN:
			v.Errors, v.Error = web.FormErrors(p, err)
			status = web.ErrorStatus(err)
		default:
			return err
		}
	}
	if sc := page.S; sc != nil {
		page.Rates = []rate{{"timeliness", sc.OnTimeRate, 100, sc.Points["timeliness"]}, {"online_receipts", sc.OnlineRate, 50, sc.Points["online_receipts"]},
			{"full_online_procedures", sc.FullOnlineRate, 80, sc.Points["full_online_procedures"]},
			{"digitisation", sc.DigitisationRate, 80, sc.Points["digitisation"]}}
		page.Export = "/api/v1/scorecards/export.xlsx?" + url.Values{"unit": {page.Unit}, "period": {page.Period}}.Encode()
	}
	web.Show(s.Server, w, r, status, "scorecard", v, page)
	return nil
}
