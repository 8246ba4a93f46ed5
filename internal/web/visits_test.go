package web_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestVisits: readers are counted once a day each, programs not at all,
// without a cookie; the counts are written within the minute and shown at
// the foot of every page and to administrators.
func TestVisits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		now := time.Date(2026, 12, 7, 3, 0, 0, 0, time.UTC)
		st.Now = func() time.Time { return now }
		visit := func(path, addr, ua string) *httptest.ResponseRecorder {
			r := httptest.NewRequest("GET", path, nil)
			r.RemoteAddr, r.Header["User-Agent"] = addr+":1234", []string{ua}
			w := httptest.NewRecorder()
			e.Server.ServeHTTP(w, r)
			if len(w.Result().Cookies()) > 0 && ua != "" {
				t.Errorf("a visit set a cookie: %v", w.Result().Cookies())
			}
			return w
		}
		firefox, phone := "Mozilla/5.0 (X11; Linux) Firefox/140.0", "Mozilla/5.0 (iPhone) Safari/605"
		visit("/", "10.0.0.1", firefox)
		visit("/procedures", "10.0.0.1", firefox)
		visit("/procedures", "10.0.0.2", phone)
		visit("/procedures", "10.0.0.3", "Googlebot/2.1")
		visit("/api/v1/procedures", "10.0.0.4", firefox)
		now = now.Add(2 * time.Minute) // the next page writes the counts
		visit("/units", "10.0.0.2", phone)
		deadline := time.Now().Add(5 * time.Second)
		for {
			tday, _, all, err := st.VisitTotals(context.Background(), "2026-12-07", "2026-12-06")
			if err == nil && tday == 2 && all == 2 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("visitors counted: today %d, all %d, %v", tday, all, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
		visit("/", "10.0.0.5", firefox) // counted once shown
		if page := visit("/units", "10.0.0.5", firefox).Body.String(); !strings.Contains(page, "hôm nay: 3") {
			t.Errorf("the footer does not count the visitors")
		}
		w := e.Do("admin", "GET", "/admin/visits", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `href="/procedures"`) {
			t.Errorf("the administrators' page: %d", w.Code)
		}
		if w := e.Do("officer31", "GET", "/admin/visits", "", nil); w.Code != 403 {
			t.Errorf("an officer reading the visits: %d", w.Code)
		}
	})
}
