// Package calendarweb serves the working-day calendar: the year's days, the deadline calculator, and the administrators' schedule overrides.
package calendarweb

import (
	"net/http"

	"congthuong/internal/calendar"
	"congthuong/internal/web"
)

// CalendarDays is the answer for a range of days.
type CalendarDays struct {
	From calendar.Date  `json:"from"`
	To   calendar.Date  `json:"to"`
	Days []calendar.Day `json:"days"`
}

// Days describes the days from from to to on cal.
func Days(cal *calendar.Calendar, from, to calendar.Date) (CalendarDays, error) {
	out := CalendarDays{From: from, To: to, Days: make([]calendar.Day, 0, to.JDN()-from.JDN()+1)}
	for j := from.JDN(); j <= to.JDN(); j++ {
		d, err := cal.Day(calendar.FromJDN(j))
		if err != nil {
			return out, err
		}
		out.Days = append(out.Days, d)
	}
	return out, nil
}

// apiCalendarDays answers GET /api/v1/calendar/days?from=&to=.
func (s *handlers) apiCalendarDays(w http.ResponseWriter, r *http.Request) error {
	from, to, err := ParseDayRange(r.URL.Query(), s.Now())
	if err != nil {
		return err
	}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	days, err := Days(cal, from, to)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	web.WriteJSON(w, http.StatusOK, days)
	return nil
}

// apiCalendarDeadline answers GET /api/v1/calendar/deadline.
func (s *handlers) apiCalendarDeadline(w http.ResponseWriter, r *http.Request) error {
	q, err := ParseDeadlineQuery(r.URL.Query())
	if err != nil {
		return err
	}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	a, err := ComputeDeadline(cal, q)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	web.WriteJSON(w, http.StatusOK, a)
	return nil
}

// apiCalendarOverrides answers GET /api/v1/calendar/overrides: the yearly
// schedule's days, public.
func (s *handlers) apiCalendarOverrides(w http.ResponseWriter, r *http.Request) error {
	list, err := s.schedules.CalendarOverrides(r.Context())
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": list})
	return nil
}
