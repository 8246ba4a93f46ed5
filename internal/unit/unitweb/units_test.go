package unitweb_test

import (
	"encoding/json"
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

// TestAreaAndPopulation: the provinces' list draws their density as a map
// and gives each unit's area and population; a unit's page names the
// source; a commune whose population the source doubts shows its area
// only; a unit that no longer exists shows none.
func TestAreaAndPopulation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		body := e.Do("", "GET", "/units", "", nil).Body.String()
		if strings.Count(body, "<path ") != 34 || !strings.Contains(body, `id="units-map"`) || !strings.Contains(body, "3.359,80 km²") ||
			!strings.Contains(body, "8.717.600") || !strings.Contains(body, "geoBoundaries") {
			t.Errorf("the provinces' list lacks its map or figures (%d outlines)", strings.Count(body, "<path "))
		}
		hp := e.Do("", "GET", "/units/31", "", nil).Body.String()
		if !strings.Contains(hp, `id="unit-population"`) || !strings.Contains(hp, "Nghị quyết 202/2025/QH15") || !strings.Contains(hp, "người/km²") {
			t.Errorf("Hải Phòng's page lacks its figures")
		}
		hg := e.Do("", "GET", "/units/00691", "", nil).Body.String()
		if !strings.Contains(hg, "60,62 km²") || strings.Contains(hg, `id="unit-population"`) {
			t.Errorf("a doubtful population is shown, or the area is missing")
		}
		if old := e.Do("", "GET", "/units/31?valid_on=2024-01-01", "", nil).Body.String(); strings.Contains(old, `id="unit-area"`) {
			t.Errorf("old Hải Phòng shows the merged city's area")
		}
	})
}

// TestOutlines: the provinces' outlines are served as GeoJSON for the
// investor map, 34 features keyed by code, credited, cacheable.
func TestOutlines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("", "GET", "/units/outlines.geojson", "", nil)
		var fc struct {
			Type     string
			Features []struct {
				ID         string
				Properties struct{ Code, Name string }
				Geometry   struct{ Type string }
			}
		}
		if err := json.Unmarshal(w.Body.Bytes(), &fc); err != nil || w.Code != 200 || len(fc.Features) != 34 ||
			!strings.Contains(w.Body.String(), "geoBoundaries") || !strings.Contains(w.Header().Get("Cache-Control"), "max-age") {
			t.Fatalf("outlines: %d %v", w.Code, err)
		}
		for _, f := range fc.Features {
			if f.ID != f.Properties.Code || f.Properties.Name == "" || f.Geometry.Type != "MultiPolygon" {
				t.Errorf("feature %+v", f)
			}
		}
		if w.Body.Len() > 200_000 {
			t.Errorf("the outlines weigh %d bytes", w.Body.Len())
		}
	})
}
