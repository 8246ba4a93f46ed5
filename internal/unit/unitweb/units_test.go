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

// TestLoadOutlines: an administrator loads commune and province
// boundaries with their source; a wrong file is listed feature by feature
// and changes nothing; the maps then draw the loaded provinces in place of
// the shipped ones, a province's communes when asked for that province,
// and credit the source; stopping goes back to the shipped outlines;
// nobody else reaches the page.
func TestLoadOutlines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		file := `{"type":"FeatureCollection","features":[` +
			`{"type":"Feature","id":"31","properties":{},"geometry":{"type":"Polygon","coordinates":[[[106.4,20.6],[107.1,20.6],[107.1,21.1],[106.4,21.1],[106.4,20.6]]]}},` +
			`{"type":"Feature","properties":{"code":"11560"},"geometry":{"type":"Polygon","coordinates":[[[106.6,20.9],[106.7,20.9],[106.7,21.0],[106.6,21.0],[106.6,20.9]]]}}]}`
		if w := e.Do("officer31", "GET", "/admin/outlines", "", nil); w.Code != 403 {
			t.Errorf("an officer sees the boundaries page: %d", w.Code)
		}
		page := e.Do("admin", "GET", "/admin/outlines", "", nil).Body.String()
		if !strings.Contains(page, "Có sẵn trong nền tảng: geoBoundaries") || !strings.Contains(page, "Chưa có: không vẽ ranh giới cấp xã") {
			t.Errorf("the page does not say what is drawn now")
		}
		ct, body := webtest.MultipartFile(t, "xa.geojson", []byte(strings.Replace(file, `"11560"`, `"99999"`, 1)), map[string]string{"source": "Bản đồ 2025"})
		if w := e.Do("admin", "POST", "/admin/outlines", ct, body); w.Code != 400 || !strings.Contains(w.Body.String(), "99999 không phải là mã") ||
			!strings.Contains(w.Body.String(), `value="Bản đồ 2025"`) {
			t.Errorf("a wrong file: %d", w.Code)
		}
		ct, body = webtest.MultipartFile(t, "xa.geojson", []byte(file), map[string]string{"source": ""})
		if w := e.Do("admin", "POST", "/admin/outlines", ct, body); w.Code != 400 || !strings.Contains(w.Body.String(), `id="source-error"`) {
			t.Errorf("no source: %d", w.Code)
		}
		ct, body = webtest.MultipartFile(t, "xa.geojson", []byte(file), map[string]string{"source": "Bản đồ 2025 (thử)"})
		if w := e.Do("admin", "POST", "/admin/outlines", ct, body); w.Code != 303 {
			t.Fatalf("load: %d %s", w.Code, w.Body)
		}
		country := e.Do("", "GET", "/units/outlines.geojson", "", nil).Body.String()
		if strings.Count(country, `"type":"Feature"`) != 1 || strings.Contains(country, "geoBoundaries") || !strings.Contains(country, "Bản đồ 2025 (thử)") {
			t.Errorf("the country's map after loading provinces: %.300s", country)
		}
		hp := e.Do("", "GET", "/units/outlines.geojson?province=31", "", nil).Body.String()
		if !strings.Contains(hp, `"code":"11560","level":"commune","name":"Thủy Nguyên"`) {
			t.Errorf("Hải Phòng's map lacks its commune: %.400s", hp)
		}
		if other := e.Do("", "GET", "/units/outlines.geojson?province=01", "", nil).Body.String(); strings.Contains(other, "11560") {
			t.Errorf("Hà Nội's map draws Hải Phòng's commune")
		}
		if w := e.Do("admin", "POST", "/admin/outlines/remove", "application/x-www-form-urlencoded", []byte("level=province")); w.Code != 303 {
			t.Fatalf("remove: %d", w.Code)
		}
		if country := e.Do("", "GET", "/units/outlines.geojson", "", nil).Body.String(); strings.Count(country, `"type":"Feature"`) != 34 || !strings.Contains(country, "geoBoundaries") {
			t.Errorf("the shipped provinces are not back")
		}
		if w := e.Do("officer31", "POST", "/admin/outlines/remove", "application/x-www-form-urlencoded", []byte("level=commune")); w.Code != 403 {
			t.Errorf("an officer removes boundaries: %d", w.Code)
		}
	})
}
