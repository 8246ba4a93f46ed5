package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"congthuong"
)

// Clock is a time of day in minutes after midnight.
type Clock int

// NoCutoff is the cut-off of a procedure that has none.
const NoCutoff Clock = -1

// ParseClock reads HH:MM.
func ParseClock(s string) (Clock, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("%q is not a time of day of the form HH:MM", s)
	}
	return Clock(hh*60 + mm), nil
}

func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// Period is a span of office hours within a day, [Start, End).
type Period struct {
	Start, End Clock
}

// OfficeHours are an agency's working periods of a working day, in order.
type OfficeHours []Period

// DefaultOfficeHours are 7:30–11:30 and 13:30–17:00.
var DefaultOfficeHours = OfficeHours{{450, 690}, {810, 1020}}

// ParseOfficeHours reads "07:30-11:30,13:30-17:00".
func ParseOfficeHours(s string) (OfficeHours, error) {
	var out OfficeHours
	for _, part := range strings.Split(s, ",") {
		a, b, ok := strings.Cut(part, "-")
		start, err1 := ParseClock(a)
		end, err2 := ParseClock(b)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("office hours %q: write them as 07:30-11:30,13:30-17:00", s)
		}
		out = append(out, Period{start, end})
	}
	return out, out.Validate()
}

// Validate checks that the periods are non-empty and in order.
func (h OfficeHours) Validate() error {
	if len(h) == 0 {
		return fmt.Errorf("office hours: at least one period is needed")
	}
	for i, p := range h {
		if p.Start < 0 || p.End > 24*60 || p.End <= p.Start || (i > 0 && p.Start < h[i-1].End) {
			return fmt.Errorf("office hours: the periods must be increasing and not overlap (%s)", h)
		}
	}
	return nil
}

func (h OfficeHours) String() string {
	parts := make([]string, len(h))
	for i, p := range h {
		parts[i] = p.Start.String() + "-" + p.End.String()
	}
	return strings.Join(parts, ",")
}

// Close is when the office day ends: a term in days ends then.
func (h OfficeHours) Close() Clock { return h[len(h)-1].End }

// OfficeHours returns the calendar's office hours.
func (c *Calendar) OfficeHours() OfficeHours { return c.hours }

// receipt returns the Julian day number of the day a filing counts as
// received on, and the minute of that day from which working time runs. A
// filing on a working day before closing time (and before the procedure's
// cut-off, if any) counts that day, from the opening if it came before it;
// one after closing or cut-off, or on a day off, counts from the next
// working day's opening.
func (c *Calendar) receipt(received time.Time, cutoff Clock) (int, Clock, error) {
	local := received.In(congthuong.Location)
	d := Date{local.Year(), local.Month(), local.Day()}
	minute := Clock(local.Hour()*60 + local.Minute())
	jdn := d.JDN()
	info, err := c.info(jdn)
	if err != nil {
		return 0, 0, err
	}
	late := minute >= c.hours.Close() || (cutoff != NoCutoff && minute >= cutoff)
	if !info.kind.Off() && !late {
		return jdn, max(minute, c.hours[0].Start), nil
	}
	next, err := c.addWorkingDays(jdn, 1)
	return next, c.hours[0].Start, err
}

// Deadline is a due date computed from a receipt.
type Deadline struct {
	Due         time.Time `json:"due"`          // the close of office hours on the due day
	CountedFrom Date      `json:"counted_from"` // the day the filing counts as received (not counted itself)
	Skipped     []Skipped `json:"skipped"`      // the days off between receipt and due date
}

// Skipped is a day off a term passed over.
type Skipped struct {
	Date   Date    `json:"date"`
	Kind   DayKind `json:"kind"`
	Reason string  `json:"reason"`
	Label  *Label  `json:"label,omitempty"`
}

// DueDate returns the due day of a term of n working days from a receipt,
// and the day the receipt counts on: the day of receipt is not counted and
// the term ends with the n-th working day after it (Civil Code art.
// 147-148). It does not allocate.
func (c *Calendar) DueDate(received time.Time, n int, cutoff Clock) (due, countedFrom Date, err error) {
	if n < 0 {
		return Date{}, Date{}, fmt.Errorf("working days: %d is negative", n)
	}
	from, _, err := c.receipt(received, cutoff)
	if err != nil {
		return Date{}, Date{}, err
	}
	j, err := c.addWorkingDays(from, n)
	if err != nil {
		return Date{}, Date{}, err
	}
	return FromJDN(j), FromJDN(from), nil
}

// Deadline is DueDate with the due instant and the days off passed over
// from the day of receipt to the due day.
func (c *Calendar) Deadline(received time.Time, n int, cutoff Clock) (Deadline, error) {
	due, from, err := c.DueDate(received, n, cutoff)
	if err != nil {
		return Deadline{}, err
	}
	return Deadline{Due: due.At(int(c.hours.Close())), CountedFrom: from,
		Skipped: c.skipped(DateOf(received).JDN(), due.JDN())}, nil
}

// Skipped lists the days off after from, up to and including to.
func (c *Calendar) Skipped(from, to Date) []Skipped {
	a, b := max(from.JDN(), c.base), min(to.JDN(), c.base+len(c.days)-1)
	return c.skipped(a, b)
}

// skipped lists the days off in (from, to].
func (c *Calendar) skipped(from, to int) []Skipped {
	out := []Skipped{}
	for j := from + 1; j <= to; j++ {
		info := c.days[j-c.base]
		if !info.kind.Off() {
			continue
		}
		s := Skipped{Date: FromJDN(j), Kind: info.kind, Reason: info.kind.String()}
		if info.label != 0 {
			l := c.labels[info.label]
			s.Label = &l
			s.Reason = l.NameEN
			if s.Reason == "" {
				s.Reason = l.NameVI
			}
		}
		out = append(out, s)
	}
	return out
}

// AddWorkingHours returns the instant at which a term of the given working
// minutes from a receipt ends (a certificate of origin: 6 working hours),
// counting only office hours of working days.
func (c *Calendar) AddWorkingHours(received time.Time, minutes int, cutoff Clock) (due time.Time, countedFrom Date, err error) {
	if minutes < 0 {
		return time.Time{}, Date{}, fmt.Errorf("working hours: %d minutes is negative", minutes)
	}
	jdn, at, err := c.receipt(received, cutoff)
	if err != nil {
		return time.Time{}, Date{}, err
	}
	countedFrom = FromJDN(jdn)
	left := Clock(minutes)
	for {
		if info, err := c.info(jdn); err != nil {
			return time.Time{}, Date{}, err
		} else if !info.kind.Off() {
			for _, p := range c.hours {
				start := max(p.Start, at)
				if start >= p.End {
					continue
				}
				if start+left <= p.End {
					return FromJDN(jdn).At(int(start + left)), countedFrom, nil
				}
				left -= p.End - start
			}
		}
		jdn, at = jdn+1, 0
	}
}

// Pause is a span during which a term's clock stood still: from a request
// for a supplement to the supplement's arrival.
type Pause struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Extend moves a due day by the working days the pauses took: the working
// days after each pause's first day, up to and including its last.
func (c *Calendar) Extend(due Date, pauses []Pause) (Date, error) {
	total := 0
	for _, p := range pauses {
		n, err := c.WorkingDaysBetween(DateOf(p.From), DateOf(p.To))
		if err != nil {
			return Date{}, err
		}
		if n < 0 {
			return Date{}, fmt.Errorf("pause: ends %s before it starts %s", DateOf(p.To), DateOf(p.From))
		}
		total += n
	}
	return c.AddWorkingDays(due, total)
}

// Remaining returns the working days left from now's day until the due day:
// 0 when due today, negative when overdue (by that many working days).
func (c *Calendar) Remaining(now time.Time, due Date) (int, error) {
	return c.WorkingDaysBetween(DateOf(now), due)
}
