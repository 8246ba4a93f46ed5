package calendarweb_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

func TestCalendarAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		// Tết 2030, public.
		w := e.Do("", "GET", "/api/v1/calendar/days?from=2030-02-01&to=2030-02-10", "", nil)
		var days struct {
			Days []struct {
				Date       string             `json:"date"`
				Weekday    int                `json:"weekday"`
				Lunar      calendar.LunarDate `json:"lunar"`
				Holiday    *calendar.Label    `json:"holiday"`
				WorkingDay bool               `json:"working_day"`
			} `json:"days"`
		}
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &days) != nil || len(days.Days) != 10 {
			t.Fatalf("days: %d %s", w.Code, w.Body)
		}
		tet := days.Days[1]
		if tet.Date != "2030-02-02" || tet.Weekday != 6 || tet.Lunar != (calendar.LunarDate{Year: 2030, Month: 1, Day: 1}) ||
			tet.Holiday == nil || tet.Holiday.NameVI != "Tết Âm lịch" || tet.WorkingDay {
			t.Errorf("2030-02-02: %+v", tet)
		}
		if !strings.Contains(w.Header().Get("Cache-Control"), "public") {
			t.Errorf("days are not cacheable: %q", w.Header().Get("Cache-Control"))
		}
		for query, field := range map[string]string{
			"from=2026-13-01&to=2026-12-31": "from", "from=2026-01-01&to=2027-03-01": "to", "from=2026-02-01&to=2026-01-01": "to",
			"from=1899-12-01&to=1899-12-31": "from",
		} {
			w := e.Do("", "GET", "/api/v1/calendar/days?"+query, "", nil)
			if w.Code != 400 || !strings.Contains(w.Body.String(), `"field":"`+field+`"`) {
				t.Errorf("%s: %d %s; want 400 naming %s", query, w.Code, w.Body, field)
			}
		}

		deadline := func(q string) (int, map[string]any) {
			w := e.Do("", "GET", "/api/v1/calendar/deadline?"+q, "", nil)
			var out map[string]any
			json.Unmarshal(w.Body.Bytes(), &out)
			return w.Code, out
		}
		code, got := deadline("received=" + url.QueryEscape("2025-08-29T09:00:00+07:00") + "&working_days=1")
		if code != 200 || got["due"] != "2025-09-03T17:00:00+07:00" || got["counted_from"] != "2025-08-29" || len(got["skipped"].([]any)) != 4 {
			t.Errorf("deadline over National Day 2025: %d %v", code, got)
		}
		code, got = deadline("received=" + url.QueryEscape("2026-03-02T15:30:00+07:00") + "&working_days=2&cutoff=15:00")
		if code != 200 || got["counted_from"] != "2026-03-03" || got["due"] != "2026-03-05T17:00:00+07:00" {
			t.Errorf("deadline after the cut-off: %d %v", code, got)
		}
		code, got = deadline("received=" + url.QueryEscape("2026-03-02T09:00:00+07:00") + "&working_hours=6")
		if code != 200 || got["due"] != "2026-03-02T17:00:00+07:00" {
			t.Errorf("six working hours: %d %v", code, got)
		}
		code, got = deadline("received=2026-03-02T02:00:00Z&working_hours=1.5")
		if code != 200 || got["due"] != "2026-03-02T10:30:00+07:00" {
			t.Errorf("an hour and a half from 9:00 Vietnam time: %d %v", code, got)
		}
		for query, field := range map[string]string{
			"working_days=1": "received", "received=yesterday&working_days=1": "received",
			"received=2026-03-02T09:00:00Z": "working_days", "received=2026-03-02T09:00:00Z&working_days=-1": "working_days",
			"received=2026-03-02T09:00:00Z&working_days=1&working_hours=2": "working_hours",
			"received=2026-03-02T09:00:00Z&working_days=1&cutoff=25:00":    "cutoff",
		} {
			if code, got := deadline(query); code != 400 || !strings.Contains(webtest.MustJSON(got), `"field":"`+field+`"`) {
				t.Errorf("%s: %d %v; want 400 naming %s", query, code, got, field)
			}
		}

		w = e.Do("", "GET", "/api/v1/calendar/overrides", "", nil)
		if w.Code != 200 || strings.Count(w.Body.String(), `"date"`) != len(calendar.ShippedOverrides()) {
			t.Errorf("overrides: %d %.300s", w.Code, w.Body)
		}
	})
}

// TestCalendarFollowsOverrides changes an override and sees the next answer
// use it.
func TestCalendarFollowsOverrides(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		q := "/api/v1/calendar/deadline?received=" + url.QueryEscape("2026-08-31T09:00:00+07:00") + "&working_days=1"
		if w := e.Do("", "GET", q, "", nil); !strings.Contains(w.Body.String(), `"due":"2026-09-01T17:00:00+07:00"`) {
			t.Fatalf("before: %s", w.Body)
		}
		sys := congthuong.NewContext(t.Context(), congthuong.System())
		err := e.Store.SaveCalendarOverride(sys, calendar.Override{Date: calendar.Date{Year: 2026, Month: 9, Day: 1},
			Kind: calendar.DayOff, Scope: calendar.ScopeAll, NameVI: "Quốc khánh (ngày liền kề)", Ref: "thử"})
		if err != nil {
			t.Fatal(err)
		}
		if w := e.Do("", "GET", q, "", nil); !strings.Contains(w.Body.String(), `"due":"2026-09-04T17:00:00+07:00"`) {
			t.Errorf("after 1 September became a day off (2 and 3 September are holidays): %s", w.Body)
		}
	})
}

func TestCalendarPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		// The month of Tết 2030 marks Tết and shows lunar dates; in English too.
		w := e.Do("", "GET", "/calendar?month=2030-02", "", nil)
		body := w.Body.String()
		if w.Code != 200 || !strings.Contains(body, `data-date="2030-02-02" data-kind="holiday"`) ||
			!strings.Contains(body, `<span class="lunar" title="Âm lịch">1/1</span>`) || !strings.Contains(body, "Tết Âm lịch") {
			t.Errorf("month view of February 2030: %d", w.Code)
		}
		if w := e.Do("", "GET", "/calendar?month=2030-13", "", nil); !strings.Contains(w.Body.String(), `aria-invalid="true"`) {
			t.Errorf("a wrong month is not marked: %d", w.Code)
		}
		// The first and last months of the range draw (their grids run past it).
		for _, m := range []string{"1900-01", "2199-12"} {
			if w := e.Do("", "GET", "/calendar?month="+m, "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `data-date="`+m+`-01"`) {
				t.Errorf("month %s: %d", m, w.Code)
			}
		}
		// The calculator answers as the API does, and names a wrong field.
		w = e.Do("", "GET", "/calendar/deadline?received=2026-04-24T09:00&term=2&unit=days", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `id="deadline-due"><strong>29/04/2026 17:00</strong>`) ||
			!strings.Contains(w.Body.String(), "Nghỉ bù Giỗ Tổ Hùng Vương") {
			t.Errorf("calculator: %d %s", w.Code, webtest.Between(w.Body.String(), "deadline-answer", "</section>"))
		}
		w = e.Do("", "GET", "/calendar/deadline?received=2026-04-24T09:00&term=-2&unit=days", "", nil)
		if w.Code != 400 || !strings.Contains(w.Body.String(), "Số ngày làm việc phải là số nguyên") {
			t.Errorf("calculator with a negative term: %d", w.Code)
		}
		// Only administrators edit the schedule; a change shows in the calendar.
		if w := e.Do("officer31", "GET", "/admin/calendar", "", nil); w.Code != 403 {
			t.Errorf("officer on the schedule editor: %d", w.Code)
		}
		form := "date=2026-09-01&kind=day_off&scope=all&name_vi=Ngh%E1%BB%89+Qu%E1%BB%91c+kh%C3%A1nh&name_en=National+Day&ref="
		if w := e.Do("admin", "POST", "/admin/calendar", "application/x-www-form-urlencoded", []byte(form)); w.Code != 400 ||
			!strings.Contains(w.Body.String(), "Nhập căn cứ") {
			t.Errorf("override without a reference: %d", w.Code)
		}
		if w := e.Do("officer31", "POST", "/admin/calendar", "application/x-www-form-urlencoded", []byte(form+"TB+1")); w.Code != 403 {
			t.Errorf("officer saving an override: %d", w.Code)
		}
		if w := e.Do("admin", "POST", "/admin/calendar", "application/x-www-form-urlencoded", []byte(form+"TB+1")); w.Code != 303 {
			t.Fatalf("save override: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/calendar?month=2026-09", "", nil); !strings.Contains(w.Body.String(), `data-date="2026-09-01" data-kind="announced_off"`) {
			t.Error("the saved day off is not on the calendar")
		}
		if w := e.Do("admin", "GET", "/admin/calendar?year=2026", "", nil); !strings.Contains(w.Body.String(), "TB 1") {
			t.Error("the saved day is not listed")
		}
		if w := e.Do("admin", "POST", "/admin/calendar/delete", "application/x-www-form-urlencoded", []byte("date=2026-09-01&scope=all")); w.Code != 303 {
			t.Fatalf("delete override: %d", w.Code)
		}
		if w := e.Do("", "GET", "/calendar?month=2026-09", "", nil); !strings.Contains(w.Body.String(), `data-date="2026-09-01" data-kind="working"`) {
			t.Error("the deleted day off is still on the calendar")
		}
		sys := congthuong.NewContext(t.Context(), congthuong.System())
		if _, total, err := e.Store.FindAuditEntries(sys, store.AuditFilter{Entity: "calendar_override"}); err != nil || total < 2 {
			t.Errorf("calendar changes audited: %d, %v", total, err)
		}
	})
}
