package calendar

import (
	"fmt"
	"math"
	"sort"
	"sync"

	"congthuong"
)

// LunarDate is a date of the Vietnamese lunar calendar. Leap marks the
// repeated (intercalary) month, which follows the month of the same number.
type LunarDate struct {
	Year  int  `json:"year"`
	Month int  `json:"month"`
	Day   int  `json:"day"`
	Leap  bool `json:"leap"`
}

func (l LunarDate) String() string {
	leap := ""
	if l.Leap {
		leap = " nhuận"
	}
	return fmt.Sprintf("%d/%d%s/%d", l.Day, l.Month, leap, l.Year)
}

// The lunar calendar follows Hồ Ngọc Đức's rules
// (informatik.uni-leipzig.de/~duc/amlich/calrules.html): a month begins on
// the day, in UTC+7, that contains the new moon; month 11 contains the
// winter solstice; when 13 new moons separate two months 11, the first
// month after month 11 without a major solar term is leap. The new moons
// come from Meeus' series and the sun's longitude from its low-precision
// formula, as in that description. China counts at UTC+8, which is why
// Tết differs in 2007 and 2030.
const timeZone = 7.0

// newMoon returns the Julian day (with fraction, UT) of the k-th new moon
// after the one of 1900-01-01.
func newMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2, t3 := t*t, t*t*t
	const dr = math.Pi / 180
	jd1 := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd1 += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)
	m := 359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3    // sun's mean anomaly
	mpr := 306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3 // moon's mean anomaly
	f := 21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3    // moon's argument of latitude
	c1 := (0.1734-0.000393*t)*math.Sin(m*dr) + 0.0021*math.Sin(2*dr*m)
	c1 = c1 - 0.4068*math.Sin(mpr*dr) + 0.0161*math.Sin(dr*2*mpr)
	c1 = c1 - 0.0004*math.Sin(dr*3*mpr)
	c1 = c1 + 0.0104*math.Sin(dr*2*f) - 0.0051*math.Sin(dr*(m+mpr))
	c1 = c1 - 0.0074*math.Sin(dr*(m-mpr)) + 0.0004*math.Sin(dr*(2*f+m))
	c1 = c1 - 0.0004*math.Sin(dr*(2*f-m)) - 0.0006*math.Sin(dr*(2*f+mpr))
	c1 = c1 + 0.0010*math.Sin(dr*(2*f-mpr)) + 0.0005*math.Sin(dr*(2*mpr+m))
	var deltaT float64
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd1 + c1 - deltaT
}

// newMoonDay returns the Julian day number of the local day containing the
// k-th new moon.
func newMoonDay(k int) int {
	return int(math.Floor(newMoon(k) + 0.5 + timeZone/24))
}

// sunLongitude returns the sun's apparent longitude in radians, [0, 2π), at
// Julian day jdn (with fraction, UT).
func sunLongitude(jdn float64) float64 {
	t := (jdn - 2451545.0) / 36525
	t2 := t * t
	const dr = math.Pi / 180
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2
	dl := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(dr*m)
	dl += (0.019993-0.000101*t)*math.Sin(dr*2*m) + 0.000290*math.Sin(dr*3*m)
	l := (l0 + dl) * dr
	return l - 2*math.Pi*math.Floor(l/(2*math.Pi))
}

// solarTerm returns which twelfth of the ecliptic (0-11, major term
// boundaries) the sun is in at the start of local day dayNumber.
func solarTerm(dayNumber int) int {
	return int(math.Floor(sunLongitude(float64(dayNumber)-0.5-timeZone/24) / math.Pi * 6))
}

// month11 returns the Julian day number on which month 11 of year y begins:
// the month containing the winter solstice of y.
func month11(y int) int {
	off := Date{y, 12, 31}.JDN() - 2415021
	k := int(math.Floor(float64(off) / 29.530588853))
	nm := newMoonDay(k)
	if solarTerm(nm) >= 9 { // the sun is already past 270°: the solstice is in the month before
		nm = newMoonDay(k - 1)
	}
	return nm
}

// lunarMonth is one month of the table: its first day and its name.
type lunarMonth struct {
	start int // Julian day number of day 1
	year  int
	month int
	leap  bool
}

// The table of every lunar month from late 1898 to early 2201, computed
// once: a conversion is then a binary search instead of a dozen new-moon
// series, so that a deadline service can convert every day it shows.
const (
	firstSolstice = 1898
	lastSolstice  = 2200
)

var lunarTable = sync.OnceValue(buildLunarTable)

func buildLunarTable() []lunarMonth {
	months := make([]lunarMonth, 0, (lastSolstice-firstSolstice)*13)
	a11 := month11(firstSolstice)
	for y := firstSolstice + 1; y <= lastSolstice; y++ {
		b11 := month11(y)
		k := int(math.Floor((float64(a11)-2415021.076998695)/29.530588853 + 0.5))
		n := 12
		leapAt := -1
		if b11-a11 > 365 {
			n = 13
			leapAt = leapOffset(k)
		}
		for i := 0; i < n; i++ {
			num := i
			if leapAt >= 0 && i >= leapAt {
				num = i - 1
			}
			m := lunarMonth{start: newMoonDay(k + i), month: (10+num)%12 + 1, leap: i == leapAt, year: y}
			if m.month >= 11 && i < 4 {
				m.year = y - 1
			}
			months = append(months, m)
		}
		a11 = b11
	}
	return append(months, lunarMonth{start: a11}) // the end of the last month
}

// leapOffset returns the index, counted from month 11 (the k-th new moon),
// of the leap month of a 13-month year: the first month in which the sun
// enters no new major solar term.
func leapOffset(k int) int {
	i := 1
	arc := solarTerm(newMoonDay(k + i))
	for {
		last := arc
		i++
		arc = solarTerm(newMoonDay(k + i))
		if arc == last || i >= 14 {
			return i - 1
		}
	}
}

// Range of the lunar conversions.
var (
	FirstDate = Date{1900, 1, 1}
	LastDate  = Date{2199, 12, 31}
)

// ErrOutOfRange reports a date outside FirstDate–LastDate.
var ErrOutOfRange = congthuong.Errorf(congthuong.EINVALID, "calendar.out_of_range", FirstDate.String(), LastDate.String())

// monthIndex returns the index in the table of the month containing jdn.
func monthIndex(jdn int) int {
	t := lunarTable()
	return sort.Search(len(t)-1, func(i int) bool { return t[i+1].start > jdn })
}

// ToLunar converts a solar date.
func ToLunar(d Date) (LunarDate, error) {
	if !inRange(d) {
		return LunarDate{}, ErrOutOfRange
	}
	jdn := d.JDN()
	m := lunarTable()[monthIndex(jdn)]
	return LunarDate{Year: m.year, Month: m.month, Day: jdn - m.start + 1, Leap: m.leap}, nil
}

// FromLunar converts a lunar date; it fails for a month that the year does
// not have (a leap month of another number) or a 30th day of a short month.
func FromLunar(l LunarDate) (Date, error) {
	t := lunarTable()
	if i, ok := findMonth(l.Year, l.Month, l.Leap); ok {
		m := t[i]
		length := t[i+1].start - m.start
		if l.Day < 1 || l.Day > length {
			return Date{}, fmt.Errorf("lunar month %d%s of %d has %d days", l.Month, leapWord(l.Leap), l.Year, length)
		}
		d := FromJDN(m.start + l.Day - 1)
		if !inRange(d) {
			return Date{}, ErrOutOfRange
		}
		return d, nil
	}
	return Date{}, fmt.Errorf("lunar year %d has no month %d%s", l.Year, l.Month, leapWord(l.Leap))
}

// MonthDays returns the number of days of a lunar month (29 or 30), and
// false if the year has no such month.
func MonthDays(year, month int, leap bool) (int, bool) {
	if i, ok := findMonth(year, month, leap); ok {
		t := lunarTable()
		return t[i+1].start - t[i].start, true
	}
	return 0, false
}

// findMonth returns the table index of a lunar month. Months are in table
// order by (year, month, leap), a leap month following its namesake.
func findMonth(year, month int, leap bool) (int, bool) {
	key := func(y, m int, leap bool) int {
		k := y*32 + m*2
		if leap {
			k++
		}
		return k
	}
	want := key(year, month, leap)
	t := lunarTable()
	i := sort.Search(len(t)-1, func(i int) bool { return key(t[i].year, t[i].month, t[i].leap) >= want })
	if i < len(t)-1 && t[i].year == year && t[i].month == month && t[i].leap == leap {
		return i, true
	}
	return 0, false
}

// LeapMonth returns the number of the lunar year's leap month, or 0.
func LeapMonth(year int) int {
	for _, m := range lunarTable() {
		if m.year == year && m.leap {
			return m.month
		}
	}
	return 0
}

func leapWord(leap bool) string {
	if leap {
		return " (leap)"
	}
	return ""
}

func inRange(d Date) bool {
	j := d.JDN()
	return j >= FirstDate.JDN() && j <= LastDate.JDN()
}
