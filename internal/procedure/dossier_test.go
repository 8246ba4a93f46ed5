package procedure

import (
	"testing"
	"time"

	"congthuong"

	"congthuong/internal/calendar"
)

// TestDue counts statutory times around Tết 2026 (16–20 February off) and
// the make-up Saturday of 26 April 2025, worked out by hand.
func TestDue(t *testing.T) {
	cal, err := calendar.New(calendar.DefaultRules(), calendar.ShippedOverrides(), calendar.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	days := func(n int) *Procedure { return &Procedure{Term: Term{WorkingDays: n}} }
	hours := func(h float64) *Procedure { return &Procedure{Term: Term{WorkingHours: h}} }
	at := func(s string) time.Time {
		ts, err := time.Parse("2006-01-02T15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return time.Date(ts.Year(), ts.Month(), ts.Day(), ts.Hour(), ts.Minute(), 0, 0, congthuong.Location)
	}
	for _, c := range []struct {
		name     string
		p        *Procedure
		received string
		pauses   []calendar.Pause
		want     string
	}{
		{"3 days over Tết", days(3), "2026-02-13T09:00", nil, "2026-02-25 17:00"},
		{"6 hours over Tết", hours(6), "2026-02-13T14:00", nil, "2026-02-23 10:30"},
		{"after closing counts the next working day", days(1), "2026-02-13T17:30", nil, "2026-02-24 17:00"},
		{"the make-up Saturday is a working day", days(1), "2025-04-25T09:00", nil, "2025-04-26 17:00"},
		{"the swapped day and 30/4–1/5 are off", days(4), "2025-04-25T09:00", nil, "2025-05-05 17:00"},
		{"a pause over Tết costs only its working days", days(3), "2026-02-12T09:00",
			[]calendar.Pause{{From: at("2026-02-13T09:00"), To: at("2026-02-24T09:00")}}, "2026-02-26 17:00"},
		{"a cut-off at 15:00", &Procedure{Term: Term{WorkingDays: 1}, CutOff: "15:00"}, "2026-03-02T15:30", nil, "2026-03-04 17:00"},
	} {
		due, err := Due(cal, c.p, at(c.received), c.pauses)
		if got := due.In(congthuong.Location).Format("2006-01-02 15:04"); err != nil || got != c.want {
			t.Errorf("%s: %s %v, want %s", c.name, got, err, c.want)
		}
	}
}
