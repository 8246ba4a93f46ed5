package calendarweb

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/web"
)

// monthCell is one square of the month grid.
type monthCell struct {
	calendar.Day
	InMonth bool
	Today   bool
}

// LunarShort writes the lunar date as a wall calendar does: the day, and
// day/month on the first of a lunar month.
func (c monthCell) LunarShort() string {
	if c.Lunar.Day == 1 {
		s := "1/" + strconv.Itoa(c.Lunar.Month)
		if c.Lunar.Leap {
			s += "N"
		}
		return s
	}
	return strconv.Itoa(c.Lunar.Day)
}

// calendarPage is a month: its weeks of days, its named days, the months
// before and after, and the office hours.
type calendarPage struct {
	Month      calendar.Date
	MonthValue string
	Weeks      [][]monthCell
	Named      []calendar.Day
	Prev, Next string
	LunarStart calendar.LunarDate
	Hours      string
}

// deadlinePage is the deadline calculator's question (Q, with the unit of
// its term) and, once asked, its answer.
type deadlinePage struct {
	Q      url.Values
	Unit   string
	Answer *DeadlineAnswer
}

// calendarAdminPage is a year's overrides and the form to add one.
type calendarAdminPage struct {
	Overrides []calendar.Override
	Year      int
	Years     []int
	Form      calendar.Override
	FormDate  string
}

// showCalendar draws a month: solar and lunar dates, holidays, days off and
// make-up days, and the month's named days with their references.
func (s *handlers) showCalendar(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	now := s.Now()
	month := calendar.DateOf(now)
	month.Day = 1
	v := &web.View{Title: p.T("calendar.title"), Nav: "calendar"}
	if m := r.URL.Query().Get("month"); m != "" {
		d, err := calendar.ParseDate(m + "-01")
		if err != nil || d.JDN() < calendar.FirstDate.JDN() || d.JDN() > calendar.LastDate.JDN() {
			v.Errors = map[string]string{"month": p.T("calendar.bad_month")}
		} else {
			month = d
		}
	}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	next := calendar.Date{Year: month.Year, Month: month.Month + 1, Day: 1}
	next = calendar.FromJDN(next.JDN()) // normalises month 13
	last := next.AddDays(-1)
	start := month.AddDays(-((int(month.Weekday()) + 6) % 7)) // the Monday on or before the 1st
	end := last.AddDays((7 - int(last.Weekday())) % 7)        // the Sunday on or after the last
	today := calendar.DateOf(now)
	var weeks [][]monthCell
	var named []calendar.Day
	for j := start.JDN(); j <= end.JDN(); j++ {
		if (j-start.JDN())%7 == 0 {
			weeks = append(weeks, nil)
		}
		d, err := cal.Day(calendar.FromJDN(j))
		if err != nil {
			continue // beyond the covered range: the row ends short
		}
		in := d.Date.Month == month.Month
		weeks[len(weeks)-1] = append(weeks[len(weeks)-1], monthCell{Day: d, InMonth: in, Today: d.Date == today})
		if in && d.Label != nil {
			named = append(named, d)
		}
	}
	prev := month.AddDays(-1)
	web.Show(s.Server, w, r, http.StatusOK, "calendar", v, calendarPage{
		Month: month, MonthValue: month.String()[:7], Weeks: weeks, Named: named,
		Prev: prev.String()[:7], Next: next.String()[:7],
		LunarStart: mustLunar(month), Hours: cal.OfficeHours().String(),
	})
	return nil
}

func mustLunar(d calendar.Date) calendar.LunarDate {
	l, _ := calendar.ToLunar(d)
	return l
}

// showDeadline is the deadline calculator: the API's question as a form,
// its answer on the same page.
func (s *handlers) showDeadline(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	q := r.URL.Query()
	v := &web.View{Title: p.T("deadline.title"), Nav: "calendar"}
	d := deadlinePage{Q: q, Unit: "days"}
	if q.Get("working_hours") != "" || q.Get("unit") == "hours" {
		d.Unit = "hours"
	}
	status := http.StatusOK
	if q.Get("received") != "" {
		// The form sends the term in one field and its unit in another.
		api := url.Values{"received": {q.Get("received")}, "cutoff": {q.Get("cutoff")}}
		if d.Unit == "hours" {
			api.Set("working_hours", strings.TrimSpace(q.Get("term")+q.Get("working_hours")))
		} else {
			api.Set("working_days", strings.TrimSpace(q.Get("term")+q.Get("working_days")))
		}
		dq, err := ParseDeadlineQuery(api)
		var answer DeadlineAnswer
		if err == nil {
			var cal *calendar.Calendar
			if cal, err = s.schedules.Current(r.Context()); err == nil {
				answer, err = ComputeDeadline(cal, dq)
			}
		}
		if err != nil {
			if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
				return err
			}
			v.Errors, v.Error = web.FormErrors(p, err)
			// The form's term field stands for working_days and working_hours.
			for _, f := range []string{"working_days", "working_hours"} {
				if m, ok := v.Errors[f]; ok {
					v.Errors["term"] = m
				}
			}
			status = web.ErrorStatus(err)
		} else {
			d.Answer = &answer
		}
	}
	web.Show(s.Server, w, r, status, "deadline", v, d)
	return nil
}

// showCalendarAdmin lists the overrides of a year with the form to add one.
func (s *handlers) showCalendarAdmin(w http.ResponseWriter, r *http.Request) error {
	return s.renderCalendarAdmin(w, r, http.StatusOK, calendar.Override{Kind: calendar.DayOff, Scope: calendar.ScopeState}, "", nil)
}

func (s *handlers) renderCalendarAdmin(w http.ResponseWriter, r *http.Request, status int, form calendar.Override, formDate string, formErr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsAdmin() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	list, err := s.schedules.CalendarOverrides(r.Context())
	if err != nil {
		return err
	}
	year := calendar.DateOf(s.Now()).Year
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= calendar.FirstDate.Year && y <= calendar.LastDate.Year {
		year = y
	}
	var shown []calendar.Override
	years := map[int]bool{year: true}
	for _, o := range list {
		years[o.Date.Year] = true
		if o.Date.Year == year {
			shown = append(shown, o)
		}
	}
	var yearList []int
	for y := range years {
		yearList = append(yearList, y)
	}
	slices.Sort(yearList)
	if formDate == "" && form.Date != (calendar.Date{}) {
		formDate = form.Date.String()
	}
	v := &web.View{Title: p.T("calendar_admin.title"), Nav: "calendar_admin"}
	if formErr != nil {
		v.Errors, v.Error = web.FormErrors(p, formErr)
	}
	web.Show(s.Server, w, r, status, "calendar_admin", v,
		calendarAdminPage{Overrides: shown, Year: year, Years: yearList, Form: form, FormDate: formDate})
	return nil
}

// doSaveOverride saves an override from the admin form.
func (s *handlers) doSaveOverride(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	o := calendar.Override{Kind: calendar.OverrideKind(f.Get("kind")), Scope: calendar.Scope(f.Get("scope")),
		NameVI: f.Get("name_vi"), NameEN: f.Get("name_en"), Ref: f.Get("ref")}
	d, err := calendar.ParseDate(f.Get("date"))
	if err != nil {
		err = &congthuong.Error{Code: congthuong.EINVALID, Message: "calendar.invalid_calendar_override",
			Fields: []congthuong.FieldError{{Field: "date", Message: "calendar.date_must_date_form_yyyy_mm_dd"}}}
	} else {
		o.Date = d
		err = s.schedules.SaveCalendarOverride(r.Context(), o)
	}
	if err != nil {
		if len(congthuong.ErrorFields(err)) > 0 {
			return s.renderCalendarAdmin(w, r, web.ErrorStatus(err), o, f.Get("date"), err)
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/admin/calendar?year="+strconv.Itoa(o.Date.Year), http.StatusSeeOther)
	return nil
}

// doDeleteOverride removes an override.
func (s *handlers) doDeleteOverride(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	d, err := calendar.ParseDate(r.PostForm.Get("date"))
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "calendar.no_such_calendar_override")
	}
	if err := s.schedules.DeleteCalendarOverride(r.Context(), d, calendar.Scope(r.PostForm.Get("scope"))); err != nil {
		return err
	}
	s.Flash(w, "flash.deleted")
	http.Redirect(w, r, "/admin/calendar?year="+strconv.Itoa(d.Year), http.StatusSeeOther)
	return nil
}
