package statsweb

import (
	"net/http"
	"strings"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/web"
)

// valueHistory is a figure as it stands and the figures it replaced, the
// first first: estimate, preliminary, official, each with its date and
// source (the public sees the official ones).
type valueHistory struct {
	Indicator string                `json:"indicator"`
	Period    string                `json:"period"`
	Unit      string                `json:"unit"`
	Current   *statsdb.StoredValue  `json:"current"`
	Revisions []statsdb.StoredValue `json:"revisions"`
}

// history reads the figure the query names: indicator, period, unit.
func (s *handlers) history(r *http.Request) (*valueHistory, error) {
	q := r.URL.Query()
	var v congthuong.Validation
	code := strings.ToUpper(strings.TrimSpace(q.Get("indicator")))
	if code == "" {
		v.Add("indicator", "stats.give_indicator_s_code")
	}
	p, err := stats.ParsePeriod(q.Get("period"))
	if err != nil {
		v.AddErr("period", err)
	}
	unitCode := strings.TrimSpace(q.Get("unit"))
	if unitCode == "" {
		v.Add("unit", "stats.give_unit")
	}
	if err := v.Err("common.invalid_query"); err != nil {
		return nil, err
	}
	h := &valueHistory{Indicator: code, Period: p.String(), Unit: unitCode}
	current, err := s.stats.UnitValues(r.Context(), code, p, unitCode)
	if err != nil {
		return nil, err
	}
	if len(current) > 0 {
		h.Current = &current[0]
	}
	if h.Revisions, err = s.stats.ValueRevisions(r.Context(), code, p, unitCode); err != nil {
		return nil, err
	}
	return h, nil
}

func (s *handlers) apiValueHistory(w http.ResponseWriter, r *http.Request) error {
	h, err := s.history(r)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, h)
	return nil
}

// historyPage is a figure's history for the page, with its indicator.
type historyPage struct {
	H         *valueHistory
	Indicator *stats.Indicator
	Period    string
}

func (s *handlers) showValueHistory(w http.ResponseWriter, r *http.Request) error {
	h, err := s.history(r)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	page := historyPage{H: h}
	if list, err := s.stats.Indicators(r.Context()); err == nil {
		for i := range list {
			if list[i].Code == h.Indicator {
				page.Indicator = &list[i]
			}
		}
	}
	if per, err := stats.ParsePeriod(h.Period); err == nil {
		page.Period = stats.PeriodWords(per, p.Printer)
	}
	web.Show(s.Server, w, r, http.StatusOK, "history", &web.View{Title: p.T("history.title"), Nav: "stats"}, page)
	return nil
}
