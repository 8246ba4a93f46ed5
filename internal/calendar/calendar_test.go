package calendar

import (
	"testing"
	"time"
)

func stateCalendar(t testing.TB) *Calendar {
	t.Helper()
	c, err := New(DefaultRules(), ShippedOverrides(), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// at returns hh:mm on a date in Vietnam.
func at(t testing.TB, date string, hh, mm int) time.Time {
	return mustDate(t, date).At(hh*60 + mm)
}

// TestDeadlineVectors are the due dates of docs/DOMAIN.md §1.4, received at 9:00.
func TestDeadlineVectors(t *testing.T) {
	c := stateCalendar(t)
	for _, v := range []struct {
		received string
		days     int
		due      string
	}{
		{"2025-01-24", 5, "2025-02-07"}, {"2025-04-25", 3, "2025-04-29"}, {"2025-04-29", 3, "2025-05-07"},
		{"2025-08-29", 1, "2025-09-03"}, {"2026-02-13", 5, "2026-02-27"}, {"2026-04-24", 2, "2026-04-29"},
		{"2026-04-29", 1, "2026-05-04"},
	} {
		d, err := c.Deadline(at(t, v.received, 9, 0), v.days, NoCutoff)
		if err != nil || DateOf(d.Due).String() != v.due || d.CountedFrom.String() != v.received {
			t.Errorf("%s + %d: due %s counted from %s, %v; want %s", v.received, v.days, d.Due, d.CountedFrom, err, v.due)
		}
		if !d.Due.Equal(mustDate(t, v.due).At(17 * 60)) {
			t.Errorf("%s + %d: due at %s; want the close of office hours", v.received, v.days, d.Due)
		}
		for _, s := range d.Skipped {
			if c.IsWorkingDay(s.Date) || s.Reason == "" {
				t.Errorf("%s + %d: skipped %+v is a working day or has no reason", v.received, v.days, s)
			}
		}
	}
}

func TestDays(t *testing.T) {
	c := stateCalendar(t)
	for date, want := range map[string]DayKind{
		"2026-01-01": Holiday, "2026-02-16": Holiday, "2026-02-20": Holiday, "2026-02-21": Weekend, "2026-02-23": Working,
		"2026-04-26": Holiday, "2026-04-27": Compensatory, "2026-04-30": Holiday, "2026-05-01": Holiday,
		"2026-09-02": Holiday, "2026-09-03": Holiday, "2026-09-04": Working,
		"2025-01-27": AnnouncedOff, "2025-01-28": Holiday, "2025-02-01": Holiday, "2025-02-03": MadeUp,
		"2025-04-26": MadeUp, "2025-05-02": AnnouncedOff, "2025-09-01": AnnouncedOff, "2025-09-03": MadeUp,
		"2024-04-29": AnnouncedOff, "2024-05-04": MadeUp, "2024-09-03": Holiday,
		"2020-01-23": AnnouncedOff, "2020-01-29": Compensatory, "2020-01-30": MadeUp,
		"2012-04-30": Working, // before the 2012 Labour Code took effect: no rules are shipped
	} {
		d, err := c.Day(mustDate(t, date))
		if err != nil || d.Kind != want || d.WorkingDay == want.Off() {
			t.Errorf("%s: %s (working %v), %v; want %s", date, d.Kind, d.WorkingDay, err, want)
		}
		if want.Off() && want != Weekend && (d.Label == nil || d.Label.NameVI == "" || d.Label.Ref == "") {
			t.Errorf("%s: %s without a name or reference: %+v", date, d.Kind, d.Label)
		}
	}
	d, _ := c.Day(mustDate(t, "2030-02-02"))
	if d.Lunar != (LunarDate{2030, 1, 1, false}) || d.Weekday != time.Saturday || d.Label.NameEN != "Lunar New Year (Tết)" {
		t.Errorf("2030-02-02: %+v", d)
	}
	// Without the state schedule, swapped days and make-up Saturdays vanish;
	// announcements for everyone stay.
	all, err := New(DefaultRules(), ShippedOverrides(), Options{WithoutStateSchedule: true})
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]DayKind{"2025-04-26": Weekend, "2025-05-02": Working, "2025-02-03": Compensatory,
		"2025-09-01": AnnouncedOff} {
		if d, _ := all.Day(mustDate(t, date)); d.Kind != want {
			t.Errorf("without the state schedule %s is %s; want %s", date, d.Kind, want)
		}
	}
}

// TestNewHolidayIsData adds 24 November as a holiday from 2026, as the
// pending amendment would, and sees it (and its compensation) counted.
func TestNewHolidayIsData(t *testing.T) {
	r := DefaultRules()
	from := Date{2026, 1, 1}
	r.Holidays = append(r.Holidays, HolidayRule{ID: "vietnam_culture_day", NameVI: "Ngày Văn hóa Việt Nam",
		NameEN: "Vietnamese Culture Day", Calendar: "solar", Month: 11, Day: 24, Days: 1, Ref: "(dự kiến)", ValidFrom: &from})
	c, err := New(r, nil, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]DayKind{"2025-11-24": Working, "2026-11-24": Holiday, "2029-11-24": Holiday, // a Saturday

		"2029-11-26": Compensatory} {
		if d, _ := c.Day(mustDate(t, date)); d.Kind != want {
			t.Errorf("%s: %s, want %s", date, d.Kind, want)
		}
	}
	bad := DefaultRules()
	bad.Holidays[0].Ref = ""
	if _, err := New(bad, nil, DefaultOptions()); err == nil {
		t.Error("a rule without a legal reference was accepted")
	}
}

func TestReceipt(t *testing.T) {
	c := stateCalendar(t)
	cutoff, _ := ParseClock("15:00")
	for _, v := range []struct {
		received    time.Time
		cutoff      Clock
		countedFrom string
	}{
		{at(t, "2026-03-02", 6, 0), NoCutoff, "2026-03-02"},   // before opening: that day
		{at(t, "2026-03-02", 12, 0), NoCutoff, "2026-03-02"},  // lunch break: that day
		{at(t, "2026-03-02", 16, 59), NoCutoff, "2026-03-02"}, // before closing
		{at(t, "2026-03-02", 17, 0), NoCutoff, "2026-03-03"},  // after closing: next working day
		{at(t, "2026-03-02", 15, 0), cutoff, "2026-03-03"},    // at the cut-off
		{at(t, "2026-03-02", 14, 59), cutoff, "2026-03-02"},
		{at(t, "2026-03-06", 18, 0), NoCutoff, "2026-03-09"},  // Friday evening: Monday
		{at(t, "2026-03-07", 10, 0), NoCutoff, "2026-03-09"},  // Saturday
		{at(t, "2026-04-24", 17, 30), NoCutoff, "2026-04-28"}, // over a weekend and a compensatory day
		// The instant's zone does not matter: 2026-03-02 23:30 UTC is Tuesday 6:30 in Vietnam.
		{time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC), NoCutoff, "2026-03-03"},
	} {
		d, err := c.Deadline(v.received, 1, v.cutoff)
		if err != nil || d.CountedFrom.String() != v.countedFrom {
			t.Errorf("received %s (cut-off %s): counted from %s, %v; want %s", v.received, v.cutoff, d.CountedFrom, err, v.countedFrom)
		}
	}
}

func TestWorkingHours(t *testing.T) {
	c := stateCalendar(t)
	for _, v := range []struct {
		received time.Time
		minutes  int
		due      time.Time
	}{
		{at(t, "2026-03-02", 9, 0), 6 * 60, at(t, "2026-03-02", 17, 0)},     // C/O: 2h30 + 3h30
		{at(t, "2026-03-02", 10, 0), 6 * 60, at(t, "2026-03-03", 8, 30)},    // runs into the next morning
		{at(t, "2026-03-02", 12, 0), 60, at(t, "2026-03-02", 14, 30)},       // lunch break does not count
		{at(t, "2026-03-06", 16, 0), 2 * 60, at(t, "2026-03-09", 8, 30)},    // Friday afternoon to Monday
		{at(t, "2026-04-24", 16, 0), 2 * 60, at(t, "2026-04-28", 8, 30)},    // over Hùng Kings' compensatory day
		{at(t, "2026-03-02", 18, 0), 0, at(t, "2026-03-03", 7, 30)},         // nothing left: the next opening
		{at(t, "2026-02-13", 9, 0), 8 * 60 * 2, at(t, "2026-02-24", 10, 0)}, // over Tết 2026
	} {
		due, _, err := c.AddWorkingHours(v.received, v.minutes, NoCutoff)
		if err != nil || !due.Equal(v.due) {
			t.Errorf("%s + %d min: %s, %v; want %s", v.received, v.minutes, due, err, v.due)
		}
	}
	if _, err := ParseOfficeHours("07:30-11:30,11:00-17:00"); err == nil {
		t.Error("overlapping office hours accepted")
	}
	h, err := ParseOfficeHours("08:00-12:00,13:00-17:30")
	if err != nil || h.String() != "08:00-12:00,13:00-17:30" || h.Close() != 17*60+30 {
		t.Errorf("office hours: %v, %v", h, err)
	}
}

func TestPausesAndRemaining(t *testing.T) {
	c := stateCalendar(t)
	due := mustDate(t, "2026-03-13") // Friday
	// A supplement requested Tuesday 3 March and received Monday 9 March took
	// four working days (4, 5, 6, 9 March).
	got, err := c.Extend(due, []Pause{{From: at(t, "2026-03-03", 10, 0), To: at(t, "2026-03-09", 9, 0)}})
	if err != nil || got.String() != "2026-03-19" {
		t.Errorf("extended due: %s, %v; want 2026-03-19", got, err)
	}
	if _, err := c.Extend(due, []Pause{{From: at(t, "2026-03-09", 0, 0), To: at(t, "2026-03-03", 0, 0)}}); err == nil {
		t.Error("a pause ending before it starts was accepted")
	}
	for now, want := range map[string]int{"2026-03-13": 0, "2026-03-12": 1, "2026-03-06": 5, "2026-03-16": -1, "2026-03-14": 0} {
		if n, err := c.Remaining(at(t, now, 10, 0), due); err != nil || n != want {
			t.Errorf("remaining on %s: %d, %v; want %d", now, n, err, want)
		}
	}
}

// FuzzDeadline checks the deadline arithmetic for any receipt and term: the
// due day is a working day, comes after the day the receipt counts on, and a
// longer term never ends earlier.
func FuzzDeadline(f *testing.F) {
	f.Add(int64(1737684000), uint16(5), int16(-1))
	f.Add(int64(1771000000), uint16(0), int16(900))
	f.Add(int64(1745550000), uint16(399), int16(0))
	c := stateCalendar(f)
	lo, hi := FirstDate.At(0).Unix(), LastDate.AddDays(-800).At(0).Unix()
	f.Fuzz(func(t *testing.T, sec int64, n uint16, cut int16) {
		received := time.Unix(lo+(sec%(hi-lo)+(hi-lo))%(hi-lo), 0)
		cutoff := NoCutoff
		if cut >= 0 {
			cutoff = Clock(int(cut) % (24 * 60))
		}
		days := int(n % 400)
		due, from, err := c.DueDate(received, days, cutoff)
		if err != nil {
			t.Fatal(err)
		}
		next, _, err := c.DueDate(received, days+1, cutoff)
		if err != nil {
			t.Fatal(err)
		}
		if !c.IsWorkingDay(due) || !c.IsWorkingDay(from) || next.JDN() <= due.JDN() || due.JDN() < from.JDN() ||
			(days > 0 && due.JDN() <= from.JDN()) || from.JDN() < DateOf(received).JDN() {
			t.Fatalf("received %s, %d days, cut-off %s: counted from %s, due %s, next %s", received, days, cutoff, from, due, next)
		}
		if n, _ := c.WorkingDaysBetween(from, due); n != days {
			t.Fatalf("received %s: %d working days between %s and %s, want %d", received, n, from, due, days)
		}
	})
}
