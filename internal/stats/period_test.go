package stats

import "testing"

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2024": "2024", "2024H1": "2024H1", "2024s2": "2024H2", "2024Q2": "2024Q2", "2024-04": "2024-04", "202404": "2024-04",
		" 2024-12 ": "2024-12", "2024-01..2024-04": "2024-01..2024-04", "2024-04..2024-06": "2024Q2",
		"2024-01..2024-12": "2024", "2024-07..2024-12": "2024H2", "2024-03..2024-03": "2024-03",
	} {
		p, err := ParsePeriod(in)
		if err != nil || p.String() != want || !p.Valid() {
			t.Errorf("%q → %q, %v; want %q", in, p, err, want)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Errorf("%q does not read back: %v, %v", p, back, err)
		}
		if KindOf(p.String()) != p.Kind {
			t.Errorf("KindOf(%q) = %v, want %v", p, KindOf(p.String()), p.Kind)
		}
	}
	for _, in := range []string{"", "24", "2024Q5", "2024Q0", "2024H3", "2024-13", "2024-00", "2024-4x", "1989", "2101",
		"2024-05..2024-03", "2023-11..2024-02", "2024..2025", "2024Q1..2024Q2", "2024-1", "20241", "2024-004"} {
		if p, err := ParsePeriod(in); err == nil {
			t.Errorf("%q accepted as %v", in, p)
		}
	}
}

func TestPeriodArithmetic(t *testing.T) {
	p := func(s string) Period {
		t.Helper()
		q, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	for _, v := range []struct{ in, lastYear, previous, ytd string }{
		{"2024-04", "2023-04", "2024-03", "2024-01..2024-04"},
		{"2024-01", "2023-01", "2023-12", "2024-01"},
		{"2024Q1", "2023Q1", "2023Q4", "2024Q1"},
		{"2024Q3", "2023Q3", "2024Q2", "2024-01..2024-09"},
		{"2024H1", "2023H1", "2023H2", "2024H1"},
		{"2024H2", "2023H2", "2024H1", "2024"},
		{"2024", "2023", "2023", "2024"},
		{"2024-01..2024-04", "2023-01..2023-04", "", "2024-01..2024-04"},
	} {
		in := p(v.in)
		if got := in.SamePeriodLastYear().String(); got != v.lastYear {
			t.Errorf("%s: same period last year %s, want %s", v.in, got, v.lastYear)
		}
		prev, ok := in.Previous()
		if (v.previous == "") == ok || (ok && prev.String() != v.previous) {
			t.Errorf("%s: previous %s (%v), want %q", v.in, prev, ok, v.previous)
		}
		if got := in.YearToDate().String(); got != v.ytd {
			t.Errorf("%s: year to date %s, want %s", v.in, got, v.ytd)
		}
	}
	if q, ok := p("2024H2").Quarters(); !ok || len(q) != 2 || q[0].String() != "2024Q3" {
		t.Errorf("quarters of 2024H2: %v %v", q, ok)
	}
	if _, ok := p("2024-01..2024-04").Quarters(); ok {
		t.Error("January to April has quarters")
	}
	if !p("2024").Contains(p("2024Q2")) || p("2024Q2").Contains(p("2024-07")) || p("2024").Contains(p("2023-01")) {
		t.Error("Contains is wrong")
	}
	if m := p("2024Q2").MonthPeriods(); len(m) != 3 || m[2].String() != "2024-06" {
		t.Errorf("months of 2024Q2: %v", m)
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2024", "2024H1", "2024Q2", "2024-04", "2024-01..2024-04", "202404"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if !p.Valid() {
			t.Fatalf("%q parsed to invalid %+v", s, p)
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("%q → %s → %v, %v", s, p, back, err)
		}
	})
}
