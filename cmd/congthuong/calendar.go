package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"
	"time"

	"congthuong/internal/calendar/calendarweb"
)

const calendarUsage = `usage:
  congthuong calendar days [from=YYYY-MM-DD] [to=YYYY-MM-DD]
  congthuong calendar deadline received=RFC3339 (working_days=N | working_hours=N) [cutoff=HH:MM]
The parameters and the JSON printed are those of /api/v1/calendar/days and /deadline`

// cmdCalendar answers the calendar API's questions on the command line, on
// the same calendar (rules, stored overrides, configured office hours).
func cmdCalendar(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	ctx, st, c, rest, err := openConfigured(ctx, "calendar", args, stderr, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(rest) == 0 {
		return errors.New(calendarUsage)
	}
	q := url.Values{}
	for _, kv := range rest[1:] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return errors.New("calendar: " + kv + " is not name=value\n" + calendarUsage)
		}
		q.Set(k, v)
	}
	cal, err := st.Calendar(ctx, c.CalendarOptions())
	if err != nil {
		return err
	}
	var answer any
	switch rest[0] {
	case "days":
		from, to, err := calendarweb.ParseDayRange(q, time.Now())
		if err != nil {
			return err
		}
		if answer, err = calendarweb.Days(cal, from, to); err != nil {
			return err
		}
	case "deadline":
		dq, err := calendarweb.ParseDeadlineQuery(q)
		if err != nil {
			return err
		}
		if answer, err = calendarweb.ComputeDeadline(cal, dq); err != nil {
			return err
		}
	default:
		return errors.New(calendarUsage)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(answer)
}
