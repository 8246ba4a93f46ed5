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
