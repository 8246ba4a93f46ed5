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
