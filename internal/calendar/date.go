// Package calendar is the Vietnamese working-day calendar: the lunar
// calendar (Hồ Ngọc Đức's astronomical algorithm at UTC+7), public holidays
// as data with their legal references, the Government's yearly overrides, and
// the working-day and working-hour arithmetic that statutory deadlines are
// counted on. It has no database: the store feeds it overrides.
package calendar

import (
	"fmt"
	"time"

	"congthuong"
)

// Date is a civil date in Vietnam, without a time or a zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in Vietnam.
func DateOf(t time.Time) Date {
	y, m, d := t.In(congthuong.Location).Date()
	return Date{y, m, d}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, congthuong.Errorf(congthuong.EINVALID, "calendar.bad_date", s)
	}
	return DateOf(time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, congthuong.Location)), nil
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	*d = p
	return err
}

// At returns the instant at hh:mm of d in Vietnam.
func (d Date) At(minutes int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, minutes/60, minutes%60, 0, 0, congthuong.Location)
}

// Weekday returns d's day of the week.
func (d Date) Weekday() time.Weekday { return time.Weekday((d.JDN() + 1) % 7) }

// AddDays returns the date n days after d.
func (d Date) AddDays(n int) Date { return FromJDN(d.JDN() + n) }

// JDN returns d's Julian day number (the day count astronomers use): the
// calendar's arithmetic is on these integers.
func (d Date) JDN() int {
	a := (14 - int(d.Month)) / 12
	y := d.Year + 4800 - a
	m := int(d.Month) + 12*a - 3
	return d.Day + (153*m+2)/5 + 365*y + y/4 - y/100 + y/400 - 32045
}

// FromJDN returns the Gregorian date of a Julian day number.
func FromJDN(jd int) Date {
	a := jd + 32044
	b := (4*a + 3) / 146097
	c := a - b*146097/4
	d := (4*c + 3) / 1461
	e := c - 1461*d/4
	m := (5*e + 2) / 153
	return Date{
		Year:  b*100 + d - 4800 + m/10,
		Month: time.Month(m + 3 - 12*(m/10)),
		Day:   e - (153*m+2)/5 + 1,
	}
}
