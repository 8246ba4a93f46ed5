package calendar

import (
	"fmt"
	"slices"
	"time"
)

// DayKind says why a day is or is not a working day.
type DayKind uint8

// Day kinds.
const (
	Working      DayKind = iota // an ordinary working day
	Weekend                     // a weekly rest day
	Holiday                     // a public holiday
	Compensatory                // a day off given for a holiday on a weekly rest day
	AnnouncedOff                // a day off of the yearly schedule
	MadeUp                      // a working day of the yearly schedule (a make-up Saturday)
)

var kindNames = [...]string{"working", "weekend", "holiday", "compensatory", "announced_off", "made_up"}

func (k DayKind) String() string { return kindNames[k] }

// MarshalText writes the kind's name.
func (k DayKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Off reports whether a day of this kind is not worked.
func (k DayKind) Off() bool { return k != Working && k != MadeUp }

// Label names a holiday or an override, with its legal reference.
type Label struct {
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en"`
	Ref    string `json:"ref"`
}

// Options adjust a calendar.
type Options struct {
	// WithoutStateSchedule leaves out the overrides of scope "state" (the
	// Government's schedule for civil servants: swapped days, make-up
	// Saturdays), which deadlines of public services are counted on by
	// default.
	WithoutStateSchedule bool
	// OfficeHours are the agency's hours; DefaultOfficeHours if empty.
	OfficeHours OfficeHours
}

// DefaultOptions counts on the civil servants' schedule and hours; so does
// the zero Options.
func DefaultOptions() Options {
	return Options{OfficeHours: DefaultOfficeHours}
}

// Calendar answers what every day from FirstDate to LastDate is. It is
// immutable and safe for concurrent use; a change of overrides builds a new
// one (in about a millisecond).
type Calendar struct {
	days   []dayInfo // indexed by JDN - base
	base   int
	labels []Label
	hours  OfficeHours
	// labelIndex is used while building only.
	labelIndex map[Label]uint16
}

type dayInfo struct {
	kind  DayKind
	label uint16 // index into labels; 0 is none
}

// New builds the calendar of rules and overrides.
func New(rules Rules, overrides []Override, opt Options) (*Calendar, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	hours := opt.OfficeHours
	if len(hours) == 0 {
		hours = DefaultOfficeHours
	}
	if err := hours.Validate(); err != nil {
		return nil, err
	}
	c := &Calendar{base: FirstDate.JDN(), labels: []Label{{}}, hours: hours, labelIndex: map[Label]uint16{}}
	defer func() { c.labelIndex = nil }()
	c.days = make([]dayInfo, LastDate.JDN()-c.base+1)
	rest := [7]bool{}
	for _, d := range rules.WeeklyRest.Days {
		rest[weekdays[d]] = true
	}
	for j := range c.days {
		if rest[(j+c.base+1)%7] {
			c.days[j].kind = Weekend
		}
	}
	// Holidays, then the compensatory days, in date order: a day given for
	// one holiday is not free for the next.
	var onRest []int
	for y := FirstDate.Year - 1; y <= LastDate.Year; y++ {
		for _, h := range rules.Holidays {
			for _, d := range h.dates(y) {
				i := d.JDN() - c.base
				if i < 0 || i >= len(c.days) || c.days[i].kind == Holiday {
					continue
				}
				if c.days[i].kind == Weekend {
					onRest = append(onRest, i)
				}
				c.days[i] = dayInfo{kind: Holiday, label: c.label(Label{h.NameVI, h.NameEN, h.Ref})}
			}
		}
	}
	slices.Sort(onRest)
	for _, i := range onRest {
		for j := i + 1; j < len(c.days); j++ {
			if c.days[j].kind == Working {
				h := c.labels[c.days[i].label]
				c.days[j] = dayInfo{kind: Compensatory, label: c.label(Label{
					NameVI: "Nghỉ bù " + h.NameVI, NameEN: "Compensatory day off for " + h.NameEN,
					Ref: rules.Compensation.Ref})}
				break
			}
		}
	}
	for _, o := range overrides {
		if err := o.Validate(); err != nil {
			return nil, fmt.Errorf("override of %s: %w", o.Date, err)
		}
		if o.Scope == ScopeState && opt.WithoutStateSchedule {
			continue
		}
		kind := AnnouncedOff
		if o.Kind == WorkingDay {
			kind = MadeUp
		}
		c.days[o.Date.JDN()-c.base] = dayInfo{kind: kind, label: c.label(Label{o.NameVI, o.NameEN, o.Ref})}
	}
	return c, nil
}

func (c *Calendar) label(l Label) uint16 {
	if i, ok := c.labelIndex[l]; ok {
		return i
	}
	c.labels = append(c.labels, l)
	i := uint16(len(c.labels) - 1)
	c.labelIndex[l] = i
	return i
}

// Day describes one date.
type Day struct {
	Date       Date         `json:"date"`
	Weekday    time.Weekday `json:"weekday"`
	Lunar      LunarDate    `json:"lunar"`
	Kind       DayKind      `json:"kind"`
	Label      *Label       `json:"holiday"`
	WorkingDay bool         `json:"working_day"`
}

// Day returns what d is.
func (c *Calendar) Day(d Date) (Day, error) {
	info, err := c.info(d.JDN())
	if err != nil {
		return Day{}, err
	}
	l, _ := ToLunar(d)
	out := Day{Date: d, Weekday: d.Weekday(), Lunar: l, Kind: info.kind, WorkingDay: !info.kind.Off()}
	if info.label != 0 {
		lb := c.labels[info.label]
		out.Label = &lb
	}
	return out, nil
}

func (c *Calendar) info(jdn int) (dayInfo, error) {
	i := jdn - c.base
	if i < 0 || i >= len(c.days) {
		return dayInfo{}, ErrOutOfRange
	}
	return c.days[i], nil
}

// IsWorkingDay reports whether d is worked; false outside the range.
func (c *Calendar) IsWorkingDay(d Date) bool {
	info, err := c.info(d.JDN())
	return err == nil && !info.kind.Off()
}

// AddWorkingDays returns the n-th working day after d (d itself is not
// counted, Civil Code art. 147); for n = 0, d if it is a working day, else
// the next one.
func (c *Calendar) AddWorkingDays(d Date, n int) (Date, error) {
	j, err := c.addWorkingDays(d.JDN(), n)
	return FromJDN(j), err
}

func (c *Calendar) addWorkingDays(jdn, n int) (int, error) {
	i := jdn - c.base
	if i < 0 || i >= len(c.days) || n < 0 {
		return 0, ErrOutOfRange
	}
	if n == 0 {
		for ; i < len(c.days); i++ {
			if !c.days[i].kind.Off() {
				return i + c.base, nil
			}
		}
		return 0, ErrOutOfRange
	}
	for i++; i < len(c.days); i++ {
		if !c.days[i].kind.Off() {
			if n--; n == 0 {
				return i + c.base, nil
			}
		}
	}
	return 0, ErrOutOfRange
}

// WorkingDaysBetween counts the working days after from, up to and
// including to: the working days a term has used from its receipt to a day.
// It is negative when to is before from.
func (c *Calendar) WorkingDaysBetween(from, to Date) (int, error) {
	a, b := from.JDN()-c.base, to.JDN()-c.base
	sign := 1
	if b < a {
		a, b, sign = b, a, -1
	}
	if a < 0 || b >= len(c.days) {
		return 0, ErrOutOfRange
	}
	n := 0
	for i := a + 1; i <= b; i++ {
		if !c.days[i].kind.Off() {
			n++
		}
	}
	return sign * n, nil
}
