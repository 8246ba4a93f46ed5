package web

import (
	"net/http"
	"time"

	"congthuong/internal/calendar"
)

// calendarDays is the answer for a range of days.
type calendarDays struct {
	From calendar.Date  `json:"from"`
	To   calendar.Date  `json:"to"`
	Days []calendar.Day `json:"days"`
}

func (s *Server) calendarDays(r *http.Request, from, to calendar.Date) (calendarDays, error) {
	cal, err := s.calendar(r.Context())
	if err != nil {
		return calendarDays{}, err
	}
	out := calendarDays{From: from, To: to, Days: make([]calendar.Day, 0, to.JDN()-from.JDN()+1)}
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
func (s *Server) apiCalendarDays(w http.ResponseWriter, r *http.Request) error {
	from, to, err := dayRange(r.URL.Query(), time.Now())
	if err != nil {
		return err
	}
	days, err := s.calendarDays(r, from, to)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	writeJSON(w, http.StatusOK, days)
	return nil
}

// apiCalendarDeadline answers GET /api/v1/calendar/deadline.
func (s *Server) apiCalendarDeadline(w http.ResponseWriter, r *http.Request) error {
	q, err := readDeadlineQuery(r.URL.Query())
	if err != nil {
		return err
	}
	cal, err := s.calendar(r.Context())
	if err != nil {
		return err
	}
	a, err := computeDeadline(cal, q)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	writeJSON(w, http.StatusOK, a)
	return nil
}

// apiCalendarOverrides answers GET /api/v1/calendar/overrides: the yearly
// schedule's days, public.
func (s *Server) apiCalendarOverrides(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.CalendarOverrides(r.Context())
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	writeJSON(w, http.StatusOK, map[string]any{"items": list})
	return nil
}
