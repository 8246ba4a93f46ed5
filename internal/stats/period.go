// Package stats holds the sector statistics' concepts: periods, indicators
// and the rules that turn stored values into the figures reports use
// (sums over months, values at period end, indices never summed, formulas,
// growth). It knows no SQL and no HTTP.
package stats

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"congthuong"
)

// PeriodKind is the shape of a period.
type PeriodKind uint8

// Period kinds.
const (
	Month PeriodKind = iota + 1
	Quarter
	Half
	Year
	Range // consecutive months of one year, e.g. year to date
)

var periodKindNames = map[PeriodKind]string{Month: "month", Quarter: "quarter", Half: "half", Year: "year", Range: "range"}

func (k PeriodKind) String() string { return periodKindNames[k] }

// Period is a span of whole months within one calendar year: a month, a
// quarter, a half, the year, or a range such as January to April (the
// year to date). The zero Period is invalid.
type Period struct {
	Year        int
	First, Last int // months, 1-12
	Kind        PeriodKind
}

// Years the statistics accept.
const (
	MinYear = 1990
	MaxYear = 2100
)

// ParsePeriod reads 2024, 2024H1 (or 2024S1), 2024Q2, 2024-04 (or 202404)
// and 2024-01..2024-04.
func ParsePeriod(s string) (Period, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	// Made only when needed: an import parses a million periods.
	bad := func() error {
		return congthuong.Errorf(congthuong.EINVALID, "stats.bad_period", s)
	}
	if a, b, ok := strings.Cut(s, ".."); ok {
		from, err1 := ParsePeriod(a)
		to, err2 := ParsePeriod(b)
		if err1 != nil || err2 != nil || from.Kind != Month || to.Kind != Month {
			return Period{}, bad()
		}
		if from.Year != to.Year || to.First < from.First {
			return Period{}, congthuong.Errorf(congthuong.EINVALID, "stats.range_backwards", s)
		}
		return RangeOf(from.Year, from.First, to.First), nil
	}
	if len(s) < 4 {
		return Period{}, bad()
	}
	year, err := strconv.Atoi(s[:4])
	if err != nil {
		return Period{}, bad()
	}
	if year < MinYear || year > MaxYear {
		return Period{}, congthuong.Errorf(congthuong.EINVALID, "stats.year_range", s, strconv.Itoa(MinYear), strconv.Itoa(MaxYear))
	}
	rest := s[4:]
	num := func(t string, lo, hi int) (int, bool) {
		n, err := strconv.Atoi(t)
		return n, err == nil && n >= lo && n <= hi && len(t) <= 2
	}
	switch {
	case rest == "":
		return YearOf(year), nil
	case rest[0] == 'H' || rest[0] == 'S':
		if h, ok := num(rest[1:], 1, 2); ok && len(rest) == 2 {
			return HalfOf(year, h), nil
		}
	case rest[0] == 'Q':
		if q, ok := num(rest[1:], 1, 4); ok && len(rest) == 2 {
			return QuarterOf(year, q), nil
		}
	case rest[0] == '-' && len(rest) == 3:
		if m, ok := num(rest[1:], 1, 12); ok {
			return MonthOf(year, m), nil
		}
	case len(rest) == 2:
		if m, ok := num(rest, 1, 12); ok {
			return MonthOf(year, m), nil
		}
	}
	return Period{}, bad()
}

// MonthOf returns month m of year y.
func MonthOf(y, m int) Period { return Period{y, m, m, Month} }

// QuarterOf returns quarter q (1-4) of year y.
func QuarterOf(y, q int) Period { return Period{y, 3*q - 2, 3 * q, Quarter} }

// HalfOf returns half h (1-2) of year y.
func HalfOf(y, h int) Period { return Period{y, 6*h - 5, 6 * h, Half} }

// YearOf returns year y.
func YearOf(y int) Period { return Period{y, 1, 12, Year} }

// RangeOf returns months first to last of year y, as the named period
// when the range is one (a quarter, a half, the year, a month).
func RangeOf(y, first, last int) Period {
	switch {
	case first == last:
		return MonthOf(y, first)
	case first == 1 && last == 12:
		return YearOf(y)
	case last-first == 5 && first%6 == 1:
		return HalfOf(y, (first+5)/6)
	case last-first == 2 && first%3 == 1:
		return QuarterOf(y, (first+2)/3)
	}
	return Period{y, first, last, Range}
}

// Valid reports whether p is a period (not the zero value).
func (p Period) Valid() bool {
	return p.Kind != 0 && p.First >= 1 && p.Last <= 12 && p.First <= p.Last
}

func (p Period) String() string {
	switch p.Kind {
	case Year:
		return strconv.Itoa(p.Year)
	case Half:
		return fmt.Sprintf("%dH%d", p.Year, (p.First+5)/6)
	case Quarter:
		return fmt.Sprintf("%dQ%d", p.Year, (p.First+2)/3)
	case Month:
		return fmt.Sprintf("%d-%02d", p.Year, p.First)
	case Range:
		return fmt.Sprintf("%d-%02d..%d-%02d", p.Year, p.First, p.Year, p.Last)
	}
	return ""
}

// MarshalText writes the canonical form.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads any accepted form.
func (p *Period) UnmarshalText(b []byte) error {
	q, err := ParsePeriod(string(b))
	*p = q
	return err
}

// Months returns the number of months the period spans.
func (p Period) Months() int { return p.Last - p.First + 1 }

// MonthPeriods returns the months of p, in order.
func (p Period) MonthPeriods() []Period {
	out := make([]Period, 0, p.Months())
	for m := p.First; m <= p.Last; m++ {
		out = append(out, MonthOf(p.Year, m))
	}
	return out
}

// Contains reports whether q lies within p.
func (p Period) Contains(q Period) bool {
	return p.Year == q.Year && p.First <= q.First && q.Last <= p.Last
}

// SamePeriodLastYear returns the same months one year earlier.
func (p Period) SamePeriodLastYear() Period {
	p.Year--
	return p
}

// Previous returns the period of the same kind just before p (the previous
// month, quarter, half or year); a range has none.
func (p Period) Previous() (Period, bool) {
	if p.Kind == Range {
		return Period{}, false
	}
	if p.First == 1 {
		p.Year--
		n := p.Months()
		p.First, p.Last = 13-n, 12
		return p, true
	}
	n := p.Months()
	p.First, p.Last = p.First-n, p.Last-n
	return p, true
}

// YearToDate returns January to the end of p: the cumulative (lũy kế)
// period reports give beside a month or a quarter.
func (p Period) YearToDate() Period { return RangeOf(p.Year, 1, p.Last) }

// Quarters returns the quarters p spans exactly, or false when p does not
// start and end on quarter boundaries.
func (p Period) Quarters() ([]Period, bool) {
	if p.First%3 != 1 || p.Last%3 != 0 {
		return nil, false
	}
	var out []Period
	for q := (p.First + 2) / 3; q <= p.Last/3; q++ {
		out = append(out, QuarterOf(p.Year, q))
	}
	return out, true
}

// KindOf returns the kind of a period written in canonical form (as
// Period.String writes it) without parsing it fully; 0 if it is not one.
func KindOf(s string) PeriodKind {
	switch {
	case len(s) == 4:
		return Year
	case len(s) == 6 && s[4] == 'H':
		return Half
	case len(s) == 6 && s[4] == 'Q':
		return Quarter
	case len(s) == 7 && s[4] == '-':
		return Month
	case len(s) == 16:
		return Range
	}
	return 0
}

// Days returns the period's first and last days, YYYY-MM-DD.
func (p Period) Days() (first, last string) {
	return time.Date(p.Year, time.Month(p.First), 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
		time.Date(p.Year, time.Month(p.Last)+1, 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}
