package calendar

import (
	"strings"
	"testing"
	"time"
)

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestJDN(t *testing.T) {
	for d, want := range map[Date]int{{2000, 1, 1}: 2451545, {1900, 1, 1}: 2415021, {2199, 12, 31}: 2524593} {
		if got := d.JDN(); got != want {
			t.Errorf("%s: JDN %d, want %d", d, got, want)
		}
	}
	for j := FirstDate.JDN() - 400; j <= LastDate.JDN()+400; j++ {
		d := FromJDN(j)
		tm := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
		if d.JDN() != j || tm.Day() != d.Day || tm.Month() != d.Month || tm.Weekday() != d.Weekday() {
			t.Fatalf("JDN %d → %s (weekday %s) does not round-trip or disagrees with time", j, d, d.Weekday())
		}
	}
}

// Tết (lunar 1/1) 2000–2035 with its weekday; * marks a year whose 12th
// month has no 30th day.
const tetVectors = `2000 02-05 Sat* · 2001 01-24 Wed* · 2002 02-12 Tue · 2003 02-01 Sat* · 2004 01-22 Thu · 2005 02-09 Wed ·
2006 01-29 Sun* · 2007 02-17 Sat* · 2008 02-07 Thu · 2009 01-26 Mon · 2010 02-14 Sun · 2011 02-03 Thu ·
2012 01-23 Mon* · 2013 02-10 Sun* · 2014 01-31 Fri · 2015 02-19 Thu · 2016 02-08 Mon* · 2017 01-28 Sat ·
2018 02-16 Fri · 2019 02-05 Tue · 2020 01-25 Sat · 2021 02-12 Fri · 2022 02-01 Tue* · 2023 01-22 Sun ·
2024 02-10 Sat · 2025 01-29 Wed* · 2026 02-17 Tue* · 2027 02-06 Sat* · 2028 01-26 Wed* · 2029 02-13 Tue* ·
2030 02-02 Sat* · 2031 01-23 Thu* · 2032 02-11 Wed* · 2033 01-31 Mon · 2034 02-19 Sun · 2035 02-08 Thu`

func TestTet(t *testing.T) {
	for _, v := range strings.Split(tetVectors, "·") {
		f := strings.Fields(v)
		year := f[0]
		d := mustDate(t, year+"-"+f[1])
		if got := d.Weekday().String()[:3]; got != strings.TrimSuffix(f[2], "*") {
			t.Errorf("vector %s: weekday %s", v, got)
		}
		l, err := ToLunar(d)
		if err != nil || l.Month != 1 || l.Day != 1 || l.Leap || l.String() != "1/1/"+year {
			t.Errorf("%s → %s, %v; want Tết %s", d, l, err, year)
		}
		back, err := FromLunar(LunarDate{Year: l.Year, Month: 1, Day: 1})
		if err != nil || back != d {
			t.Errorf("Tết %s → %s, %v; want %s", year, back, err, d)
		}
		eve, _ := ToLunar(d.AddDays(-1))
		if short := strings.HasSuffix(f[2], "*"); (eve.Day == 29) != short || eve.Month != 12 {
			t.Errorf("%s: the eve is %s; want day %s", year, eve, map[bool]string{true: "29", false: "30"}[short])
		}
	}
	// China (UTC+8) celebrates a day later in 2007 and 2030.
	for _, s := range []string{"2007-02-18", "2030-02-03"} {
		if l, _ := ToLunar(mustDate(t, s)); l.Day != 2 {
			t.Errorf("%s is lunar %s; want the 2nd day of Tết", s, l)
		}
	}
}

func TestHungKings(t *testing.T) {
	for year, want := range map[int]string{2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10", 2023: "2023-04-29",
		2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26", 2027: "2027-04-16", 2028: "2028-04-04",
		2029: "2029-04-23", 2030: "2030-04-12"} {
		got, err := FromLunar(LunarDate{Year: year, Month: 3, Day: 10})
		if err != nil || got.String() != want {
			t.Errorf("10/3/%d = %s, %v; want %s", year, got, err, want)
		}
	}
}

func TestLunarEdges(t *testing.T) {
	for solar, want := range map[string]LunarDate{
		"2020-05-22": {2020, 4, 30, false}, "2020-05-23": {2020, 4, 1, true}, "2020-06-21": {2020, 5, 1, false},
		"2023-03-22": {2023, 2, 1, true}, "2025-07-25": {2025, 6, 1, true}, "2025-08-23": {2025, 7, 1, false},
		"2026-02-16": {2025, 12, 29, false}, "2033-12-22": {2033, 11, 1, true},
	} {
		got, err := ToLunar(mustDate(t, solar))
		if err != nil || got != want {
			t.Errorf("%s → %+v, %v; want %+v", solar, got, err, want)
		}
		if back, err := FromLunar(want); err != nil || back.String() != solar {
			t.Errorf("%+v → %s, %v; want %s", want, back, err, solar)
		}
	}
	for year, want := range map[int]int{2001: 4, 2004: 2, 2006: 7, 2009: 5, 2012: 4, 2014: 9, 2017: 6, 2020: 4,
		2023: 2, 2025: 6, 2028: 5, 2031: 3, 2033: 11, 2024: 0, 2026: 0, 2030: 0} {
		if got := LeapMonth(year); got != want {
			t.Errorf("leap month of %d: %d, want %d", year, got, want)
		}
	}
	if _, err := FromLunar(LunarDate{Year: 2025, Month: 12, Day: 30}); err == nil {
		t.Error("30/12/2025 exists; the month has 29 days")
	}
	if _, err := FromLunar(LunarDate{Year: 2024, Month: 4, Day: 1, Leap: true}); err == nil {
		t.Error("2024 has a leap 4th month")
	}
	if _, err := ToLunar(Date{1899, 12, 31}); err != ErrOutOfRange {
		t.Errorf("1899-12-31: %v", err)
	}
}

// TestLunarProperties checks every day of 1900–2199: each converts and
// converts back exactly; days advance by one within a month; every month has
// 29 or 30 days; every year 12 or 13 months, one of them leap when 13.
func TestLunarProperties(t *testing.T) {
	var prev LunarDate
	monthsOfYear := map[int]int{}
	leaps := map[int]int{}
	monthLen := 0
	for j := FirstDate.JDN(); j <= LastDate.JDN(); j++ {
		d := FromJDN(j)
		l, err := ToLunar(d)
		if err != nil {
			t.Fatal(d, err)
		}
		if back, err := FromLunar(l); err != nil || back != d {
			t.Fatalf("%s → %s → %s, %v", d, l, back, err)
		}
		if l.Day == 1 {
			if j > FirstDate.JDN() && (monthLen < 29 || monthLen > 30) {
				t.Fatalf("month ending %s has %d days", prev, monthLen)
			}
			monthLen = 0
			monthsOfYear[l.Year]++
			if l.Leap {
				leaps[l.Year]++
			}
		} else if j > FirstDate.JDN() && (l.Day != prev.Day+1 || l.Month != prev.Month || l.Year != prev.Year) {
			t.Fatalf("%s follows %s", l, prev)
		}
		monthLen++
		prev = l
	}
	for y := 1900; y <= 2198; y++ {
		if n := monthsOfYear[y]; n != 12 && n != 13 || (n == 13) != (leaps[y] == 1) || leaps[y] > 1 {
			t.Errorf("lunar year %d has %d months, %d leap", y, n, leaps[y])
		}
	}
}
