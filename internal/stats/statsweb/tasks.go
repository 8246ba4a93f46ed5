package statsweb

import (
	"net/http"
	"net/url"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/stats"
	"congthuong/internal/web"
)

// tasks are the statistics a reader's unit reports, for their home page:
// a commune's officer enters last month's figures of the communes' data
// sets; the department's staff review what the communes sent.
func (s *handlers) tasks(r *http.Request) ([]web.Task, error) {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsStaff() {
		return nil, nil
	}
	p := s.PrinterFor(r)
	now := calendar.DateOf(s.Now())
	last, _ := stats.MonthOf(now.Year, int(now.Month)).Previous()
	var out []web.Task
	if a.CanWrite() {
		// A commune enters the communes' data sets, the department its own.
		level := "province"
		if a.Role == congthuong.RoleCommune {
			level = "commune"
		}
		for _, ds := range stats.DataSets() {
			if ds.Frequency != "month" || ds.Level != level {
				continue
			}
			q := url.Values{"data_set": {ds.Code}, "unit": {a.UnitCode}, "period": {last.String()}}
			out = append(out, web.Task{Title: p.T("tasks.enter", p.Name(ds.Name()), stats.PeriodWords(last, p.Printer)), Link: "/stats/entry?" + q.Encode()})
		}
	}
	if a.Role != congthuong.RoleCommune {
		q := url.Values{"data_set": {"commune_retail_monthly"}, "period": {last.String()}}
		out = append(out, web.Task{Title: p.T("tasks.review", stats.PeriodWords(last, p.Printer)), Link: "/stats/submissions?" + q.Encode()})
	}
	return out, nil
}
