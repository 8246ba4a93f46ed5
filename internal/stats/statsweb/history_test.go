package statsweb_test

import (
	"strings"
	"testing"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestValueHistory: a figure's history answers on the API and the page;
// a question without its unit is told so, naming the field.
func TestValueHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("", "GET", "/api/v1/stats/values/history?indicator=RETAIL_SALES&period=2024&unit=31", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"revisions":[`) {
			t.Errorf("history: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/stats/values/history?indicator=RETAIL_SALES&period=2024", "", nil); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `"field":"unit"`) {
			t.Errorf("without a unit: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/stats/history?indicator=RETAIL_SALES&period=2024&unit=31", "", nil); w.Code != 200 {
			t.Errorf("the page: %d", w.Code)
		}
	})
}

// TestImportPage: officers import figures from the page, all or nothing,
// every bad row named.
func TestImportPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		bad := "indicator,unit,period,value,status,source\nRETAIL_SALES,31,2026-09,100,preliminary,Sở\nRETAIL_SALES,31,2026-13,abc,preliminary,Sở\n"
		ctype, body := webtest.MultipartForm(t, nil, webtest.FormFile{Name: "so-lieu.csv", Content: []byte(bad)})
		w := e.Do("officer31", "POST", "/stats/import", ctype, body)
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="import-problems"`) || strings.Contains(w.Body.String(), `id="import-result"`) {
			t.Fatalf("a file with a bad row: %d", w.Code)
		}
		good := "indicator,unit,period,value,status,source\nRETAIL_SALES,31,2026-09,100,preliminary,Sở\n"
		ctype, body = webtest.MultipartForm(t, nil, webtest.FormFile{Name: "so-lieu.csv", Content: []byte(good)})
		if w := e.Do("officer31", "POST", "/stats/import", ctype, body); w.Code != 200 || !strings.Contains(w.Body.String(), `id="import-result"`) {
			t.Errorf("a good file: %d %s", w.Code, w.Body)
		}
		if w := e.Do("owner", "GET", "/stats/import", "", nil); w.Code != 403 {
			t.Errorf("an enterprise: %d", w.Code)
		}
	})
}

// TestPublishedGrowthPages: the department imports published growth rates
// from the page and the API; the analytics answer both rates and the
// dashboard marks the published one; a commune is not offered the choice.
func TestPublishedGrowthPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		values := "indicator,unit,period,value,status\nEXPORTS,31,2024,36400,official\nEXPORTS,31,2023,30000,official\n"
		if w := e.Do("officer31", "POST", "/api/v1/stats/values/import", "text/csv", []byte(values)); w.Code != 200 {
			t.Fatalf("values: %d %s", w.Code, w.Body)
		}
		if w := e.Do("thuynguyen", "GET", "/stats/import", "", nil); w.Code != 200 || strings.Contains(w.Body.String(), `id="kind-growth"`) {
			t.Errorf("a commune is offered to publish growth rates: %d", w.Code)
		}
		if w := e.Do("thuynguyen", "POST", "/api/v1/stats/growth/import", "text/csv",
			[]byte("indicator,unit,period,growth_pct\nEXPORTS,11560,2024,5\n")); w.Code != 400 {
			t.Errorf("a commune publishing a rate: %d %s", w.Code, w.Body)
		}
		ctype, body := webtest.MultipartForm(t, []string{"kind", "growth"},
			webtest.FormFile{Name: "toc-do.csv", Content: []byte("indicator,unit,period,growth_pct,source\nEXPORTS,31,2024,19.7,Cục Thống kê\n")})
		if w := e.Do("officer31", "POST", "/stats/import", ctype, body); w.Code != 200 || !strings.Contains(w.Body.String(), `id="import-result"`) {
			t.Fatalf("growth from the page: %d %s", w.Code, w.Body)
		}
		w := e.Do("", "GET", "/api/v1/stats/analytics?indicator=EXPORTS&period=2024&units=31", "", nil)
		if !strings.Contains(w.Body.String(), `"growth_pct":19.7`) || !strings.Contains(w.Body.String(), `"growth_published":true`) ||
			!strings.Contains(w.Body.String(), `"computed_growth_pct":21.3`) {
			t.Errorf("analytics: %s", w.Body)
		}
		if w := e.Do("", "GET", "/stats/units/31?year=2024", "", nil); !strings.Contains(w.Body.String(), "19,7% (công bố)") {
			t.Errorf("the unit's card does not mark the published rate")
		}
	})
}

// TestStatisticsMap: figures by province are drawn as a map coloured by
// them, a province without an official figure greyed; communes say there
// is no map; nothing is drawn without figures.
func TestStatisticsMap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if body := e.Do("", "GET", "/stats?indicator=EXPORTS&period=2024&units=children:VN", "", nil).Body.String(); strings.Contains(body, `id="stats-map"`) {
			t.Errorf("a map without figures")
		}
		values := "indicator,unit,period,value,status\nEXPORTS,31,2024,36400,official\nEXPORTS,01,2024,17000,official\nEXPORTS,79,2024,45000,preliminary\n"
		if w := e.Do("admin", "POST", "/api/v1/stats/values/import", "text/csv", []byte(values)); w.Code != 200 {
			t.Fatalf("values: %d %s", w.Code, w.Body)
		}
		body := e.Do("", "GET", "/stats?indicator=EXPORTS&period=2024&units=children:VN", "", nil).Body.String()
		m := webtest.Between(body, `id="stats-map"`, "</figure>")
		if strings.Count(m, "<path ") != 34 || !strings.Contains(m, "36.400,0") || strings.Contains(m, "45.000") ||
			strings.Count(m, `fill="#e6e6e6"`) != 33 { // 32 provinces and the legend
			t.Errorf("the map: %d outlines, %d grey", strings.Count(m, "<path "), strings.Count(m, `fill="#e6e6e6"`))
		}
		if body := e.Do("", "GET", "/stats?indicator=EXPORTS&period=2026&units=children:31", "", nil).Body.String(); !strings.Contains(body, `id="stats-no-map"`) {
			t.Errorf("communes do not say there is no map:\n%s", webtest.Between(body, "<main", "</main>"))
		}
	})
}
