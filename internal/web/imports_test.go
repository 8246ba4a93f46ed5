package web_test

import (
	"mime"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestImportAttack sends the workbook of a million empty rows to every
// import while others log in and edit: the import is refused within
// seconds with the limit named, and nobody waits for it.
func TestImportAttack(t *testing.T) {
	bombs := map[string][]byte{}
	for path, header := range map[string][]string{
		"/api/v1/stats/values/import": {"indicator", "unit", "period", "value"},
		"/api/v1/enterprises/import":  {"tax_code", "name", "unit_code"},
		"/api/v1/parks/import":        {"code", "kind", "name_vi", "unit_code", "status", "planned_ha"},
		"/api/v1/tenants/import":      {"site_code", "tax_code", "project"},
	} {
		if bombs[path] = webtest.EmptyRowsWorkbook(t, header, 1_000_000); len(bombs[path]) > 8<<20 {
			t.Fatalf("the workbook is %d bytes", len(bombs[path]))
		}
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		for path, bomb := range bombs {
			var wg sync.WaitGroup
			var slowest time.Duration
			stop := make(chan struct{})
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					start := time.Now()
					body := []byte(`{"tax_code":"0100233488","name":"Công ty Cổ phần Thủy Nguyên","unit_code":"11560"}`)
					if w := e.Do("officer31", "PUT", "/api/v1/enterprises/0100233488", "application/json", body); w.Code != 200 {
						t.Errorf("an edit during the import: %d %s", w.Code, w.Body)
						return
					}
					slowest = max(slowest, time.Since(start))
					time.Sleep(20 * time.Millisecond)
				}
			}()
			start := time.Now()
			w := e.Do("admin", "POST", path, "application/octet-stream", bomb)
			took := time.Since(start)
			close(stop)
			wg.Wait()
			if w.Code != 400 || !strings.Contains(w.Body.String(), "empty rows") {
				t.Errorf("%s: %d %s", path, w.Code, w.Body)
			}
			if took > 10*time.Second {
				t.Errorf("%s: refused after %s", path, took)
			}
			if slowest > time.Second {
				t.Errorf("%s: an edit waited %s during the import", path, slowest)
			}
		}
	})
}

// TestExportsAreInert: a figure's source that a spreadsheet would run as a
// formula is exported as text, and a file name built from the query cannot
// add its own parameters to Content-Disposition.
func TestExportsAreInert(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		file := []byte("indicator,unit,period,value,status,source\nRETAIL_SALES,31,2024,225784,official,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Cục Thống kê\"\")\"\n")
		if w := e.Do("officer31", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		w := e.Do("", "GET", "/api/v1/stats/values/export.csv?indicator=RETAIL_SALES&year=2024", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"'=HYPERLINK(`) {
			t.Errorf("export: %d %s", w.Code, w.Body)
		}
		if back := e.Do("officer31", "POST", "/api/v1/stats/values/import", "text/csv", w.Body.Bytes()); back.Code != 200 || !strings.Contains(back.Body.String(), `"unchanged":1`) {
			t.Errorf("the export imported back: %d %s", back.Code, back.Body)
		}
		w = e.Do("", "GET", "/api/v1/stats/values/export.csv?indicator="+url.QueryEscape(`x";filename="evil.html`)+"&year=2024", "", nil)
		_, params, err := mime.ParseMediaType(w.Header().Get("Content-Disposition"))
		if err != nil || !strings.HasSuffix(params["filename"], ".csv") || !strings.Contains(params["filename"], `"`) {
			t.Errorf("Content-Disposition %q: %v %v", w.Header().Get("Content-Disposition"), params, err)
		}
	})
}
