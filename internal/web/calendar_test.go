package web_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/storetest"
)

func TestCalendarAPI(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	// Tết 2030, public.
	w := e.do("", "GET", "/api/v1/calendar/days?from=2030-02-01&to=2030-02-10", "", nil)
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
		w := e.do("", "GET", "/api/v1/calendar/days?"+query, "", nil)
		if w.Code != 400 || !strings.Contains(w.Body.String(), `"field":"`+field+`"`) {
			t.Errorf("%s: %d %s; want 400 naming %s", query, w.Code, w.Body, field)
		}
	}

	deadline := func(q string) (int, map[string]any) {
		w := e.do("", "GET", "/api/v1/calendar/deadline?"+q, "", nil)
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
		if code, got := deadline(query); code != 400 || !strings.Contains(mustJSON(got), `"field":"`+field+`"`) {
			t.Errorf("%s: %d %v; want 400 naming %s", query, code, got, field)
		}
	}

	w = e.do("", "GET", "/api/v1/calendar/overrides", "", nil)
	if w.Code != 200 || strings.Count(w.Body.String(), `"date"`) != len(calendar.ShippedOverrides()) {
		t.Errorf("overrides: %d %.300s", w.Code, w.Body)
	}
}

// TestCalendarFollowsOverrides changes an override and sees the next answer
// use it.
func TestCalendarFollowsOverrides(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	q := "/api/v1/calendar/deadline?received=" + url.QueryEscape("2026-08-31T09:00:00+07:00") + "&working_days=1"
	if w := e.do("", "GET", q, "", nil); !strings.Contains(w.Body.String(), `"due":"2026-09-01T17:00:00+07:00"`) {
		t.Fatalf("before: %s", w.Body)
	}
	sys := congthuong.NewContext(t.Context(), congthuong.System())
	err := e.store.SaveCalendarOverride(sys, calendar.Override{Date: calendar.Date{Year: 2026, Month: 9, Day: 1},
		Kind: calendar.DayOff, Scope: calendar.ScopeAll, NameVI: "Quốc khánh (ngày liền kề)", Ref: "thử"})
	if err != nil {
		t.Fatal(err)
	}
	e.server.CalendarChanged()
	if w := e.do("", "GET", q, "", nil); !strings.Contains(w.Body.String(), `"due":"2026-09-04T17:00:00+07:00"`) {
		t.Errorf("after 1 September became a day off (2 and 3 September are holidays): %s", w.Body)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
