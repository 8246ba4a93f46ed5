package unitweb_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

func TestUnitAnswersRevalidate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		first := e.Do("", "GET", "/api/v1/units?level=commune&parent=31", "", nil)
		again := e.Do("", "GET", "/api/v1/units?level=commune&parent=31", "", nil)
		if first.Code != 200 || first.Body.String() != again.Body.String() || !strings.Contains(first.Body.String(), `"total":114`) {
			t.Fatalf("cached answer differs: %d", again.Code)
		}
		etag := first.Header().Get("ETag")
		r := httptest.NewRequest("GET", "/api/v1/units?level=commune&parent=31", nil)
		r.Header.Set("If-None-Match", etag)
		w := httptest.NewRecorder()
		e.Server.ServeHTTP(w, r)
		if etag == "" || w.Code != http.StatusNotModified || w.Body.Len() != 0 {
			t.Errorf("revalidation with %q: %d", etag, w.Code)
		}
		// Another day is another answer: 24 is Bắc Giang before the reform.
		if w := e.Do("", "GET", "/api/v1/units/24?valid_on=2024-06-01", "", nil); !strings.Contains(w.Body.String(), "Bắc Giang") {
			t.Errorf("24 in 2024: %s", w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/units/24", "", nil); !strings.Contains(w.Body.String(), "Bắc Ninh") {
			t.Errorf("24 today: %s", w.Body)
		}
	})
}
