package calendar

import (
	"testing"
	"time"
)

// BenchmarkAllDays converts every day of 1900–2199 to the lunar calendar
// per iteration; the baseline walks the same days with time.Time.
func BenchmarkAllDays(b *testing.B) {
	first, last := FirstDate.JDN(), LastDate.JDN()
	b.Run("lunar", func(b *testing.B) {
		for b.Loop() {
			for j := first; j <= last; j++ {
				if _, err := ToLunar(FromJDN(j)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("baseline-time", func(b *testing.B) {
		for b.Loop() {
			t := FirstDate.At(0)
			for j := first; j <= last; j++ {
				if t.YearDay() == 0 {
					b.Fatal()
				}
				t = t.AddDate(0, 0, 1)
			}
		}
	})
}

// BenchmarkDeadlines computes 1,000,000 due dates per iteration (receipts
// spread over 2024–2026 at all hours, terms of 1 to 30 working days, half
// with a 15:00 cut-off); the baseline adds the same numbers of calendar days
// with time.Time.
func BenchmarkDeadlines(b *testing.B) {
	c := stateCalendar(b)
	start := Date{2024, 1, 1}.At(0)
	const n = 1_000_000
	b.Run("due-date", func(b *testing.B) {
		for b.Loop() {
			for i := range n {
				cutoff := NoCutoff
				if i%2 == 0 {
					cutoff = 900
				}
				if _, _, err := c.DueDate(start.Add(time.Duration(i)*97*time.Second), 1+i%30, cutoff); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("baseline-time", func(b *testing.B) {
		for b.Loop() {
			for i := range n {
				if start.Add(time.Duration(i)*97*time.Second).AddDate(0, 0, 1+i%30).IsZero() {
					b.Fatal()
				}
			}
		}
	})
}

// BenchmarkLunarTable computes the table of lunar months 1899–2200 from the
// astronomy, which each process does once.
func BenchmarkLunarTable(b *testing.B) {
	for b.Loop() {
		if len(buildLunarTable()) < 3700 {
			b.Fatal("short table")
		}
	}
}

// BenchmarkNew builds the calendar of 1900–2199, as a change of overrides does.
func BenchmarkNew(b *testing.B) {
	rules, overrides := DefaultRules(), ShippedOverrides()
	for b.Loop() {
		if _, err := New(rules, overrides, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDueDateDoesNotAllocate guards the deadline arithmetic against
// allocating per day it scans.
func TestDueDateDoesNotAllocate(t *testing.T) {
	c := stateCalendar(t)
	received := at(t, "2026-02-13", 16, 0)
	if n := testing.AllocsPerRun(100, func() { c.DueDate(received, 60, 900) }); n != 0 {
		t.Errorf("DueDate allocates %.0f times", n)
	}
	if n := testing.AllocsPerRun(100, func() { c.AddWorkingHours(received, 60*60, NoCutoff) }); n != 0 {
		t.Errorf("AddWorkingHours allocates %.0f times", n)
	}
}
