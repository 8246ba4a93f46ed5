package calendarweb

import (
	"errors"
	"math"
	"net/url"
	"strconv"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
)

// maxCalendarDays bounds one request for days.
const maxCalendarDays = 400

// ParseDayRange reads from and to (YYYY-MM-DD); without them, the current month.
func ParseDayRange(q url.Values, now time.Time) (from, to calendar.Date, err error) {
	var v congthuong.Validation
	today := calendar.DateOf(now)
	from = calendar.Date{Year: today.Year, Month: today.Month, Day: 1}
	to = calendar.Date{Year: today.Year, Month: today.Month + 1, Day: 1}
	to = calendar.FromJDN(to.JDN() - 1)
	read := func(name string, d *calendar.Date) {
		if s := q.Get(name); s != "" {
			p, err := calendar.ParseDate(s)
			if err != nil {
				v.Add(name, "calendar.must_date_form_yyyy_mm_dd", name)
				return
			}
			*d = p
		}
	}
	read("from", &from)
	read("to", &to)
	if v.Len() == 0 {
		switch n := to.JDN() - from.JDN() + 1; {
		case n < 1:
			v.Add("to", "calendar.must_not_before_from")
		case n > maxCalendarDays:
			v.Add("to", "calendar.at_most_days_per_request", strconv.Itoa(maxCalendarDays))
		case from.JDN() < calendar.FirstDate.JDN() || to.JDN() > calendar.LastDate.JDN():
			v.Add("from", "calendar.calendar_covers", calendar.FirstDate.String(), calendar.LastDate.String())
		}
	}
	return from, to, v.Err("calendar.invalid_date_range")
}

// DeadlineQuery is a request for a due date.
type DeadlineQuery struct {
	Received     time.Time
	WorkingDays  int
	WorkingHours float64 // used when Hours
	Hours        bool
	Cutoff       calendar.Clock
}

// ParseDeadlineQuery reads received (RFC 3339, or YYYY-MM-DDTHH:MM as a
// browser's form sends it, in Vietnam's time), working_days or
// working_hours, and cutoff (HH:MM).
func ParseDeadlineQuery(q url.Values) (DeadlineQuery, error) {
	var v congthuong.Validation
	d := DeadlineQuery{Cutoff: calendar.NoCutoff}
	switch s := q.Get("received"); {
	case s == "":
		v.Add("received", "calendar.give_time_receipt_e_g_2026_02_13t09_00")
	default:
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t, err = time.ParseInLocation("2006-01-02T15:04", s, congthuong.Location)
		}
		if err != nil {
			v.Add("received", "calendar.received_must_time_such_as_2026_02_13t09")
		} else if !inCalendar(t) {
			v.Add("received", "calendar.calendar_covers", calendar.FirstDate.String(), calendar.LastDate.String())
		}
		d.Received = t
	}
	days, hours := q.Get("working_days"), q.Get("working_hours")
	switch {
	case days != "" && hours != "":
		v.Add("working_hours", "calendar.give_working_days_working_hours_not_both")
	case days != "":
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 || n > 1000 {
			v.Add("working_days", "calendar.working_days_must_whole_number_from_0")
		}
		d.WorkingDays = n
	case hours != "":
		h, err := strconv.ParseFloat(hours, 64)
		if err != nil || math.IsNaN(h) || h < 0 || h > 8000 {
			v.Add("working_hours", "calendar.working_hours_must_number_from_0_8000")
		}
		d.WorkingHours, d.Hours = h, true
	default:
		v.Add("working_days", "calendar.give_working_days_working_hours")
	}
	if s := q.Get("cutoff"); s != "" {
		c, err := calendar.ParseClock(s)
		if err != nil {
			v.Add("cutoff", "calendar.cutoff_must_time_day_such_as_15_00")
		}
		d.Cutoff = c
	}
	return d, v.Err("calendar.invalid_deadline_request")
}

func inCalendar(t time.Time) bool {
	j := calendar.DateOf(t).JDN()
	return j >= calendar.FirstDate.JDN() && j <= calendar.LastDate.JDN()
}

// DeadlineAnswer is the API's answer to a deadline request.
type DeadlineAnswer struct {
	Received     time.Time          `json:"received"`
	WorkingDays  *int               `json:"working_days,omitempty"`
	WorkingHours *float64           `json:"working_hours,omitempty"`
	Cutoff       string             `json:"cutoff,omitempty"`
	Due          time.Time          `json:"due"`
	CountedFrom  calendar.Date      `json:"counted_from"`
	Skipped      []calendar.Skipped `json:"skipped"`
}

// ComputeDeadline answers a deadline request on cal; a term ending beyond
// the calendar's last day is a problem with the request, not a failure.
func ComputeDeadline(cal *calendar.Calendar, d DeadlineQuery) (DeadlineAnswer, error) {
	a, err := computeDeadline(cal, d)
	if errors.Is(err, calendar.ErrOutOfRange) {
		field := "working_days"
		if d.Hours {
			field = "working_hours"
		}
		err = &congthuong.Error{Code: congthuong.EINVALID, Message: "calendar.invalid_deadline_request",
			Fields: []congthuong.FieldError{{Field: field, Message: "calendar.term_ends_after_calendar_s_last_day", Args: []any{calendar.LastDate.String()}}}}
	}
	return a, err
}

func computeDeadline(cal *calendar.Calendar, d DeadlineQuery) (DeadlineAnswer, error) {
	a := DeadlineAnswer{Received: d.Received.In(congthuong.Location)}
	if d.Cutoff != calendar.NoCutoff {
		a.Cutoff = d.Cutoff.String()
	}
	if d.Hours {
		due, from, err := cal.AddWorkingHours(d.Received, int(math.Round(d.WorkingHours*60)), d.Cutoff)
		if err != nil {
			return a, err
		}
		a.WorkingHours, a.Due, a.CountedFrom = &d.WorkingHours, due, from
		a.Skipped = cal.Skipped(calendar.DateOf(d.Received), calendar.DateOf(due))
		return a, nil
	}
	dl, err := cal.Deadline(d.Received, d.WorkingDays, d.Cutoff)
	if err != nil {
		return a, err
	}
	a.WorkingDays, a.Due, a.CountedFrom, a.Skipped = &d.WorkingDays, dl.Due, dl.CountedFrom, dl.Skipped
	return a, nil
}
