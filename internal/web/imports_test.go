package web_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// emptyRowsWorkbook is the attack on the imports: a small workbook whose
// sheet holds a header and then n rows of empty cells.
func emptyRowsWorkbook(t *testing.T, header []string, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	part := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `+
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="v" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
	for i, h := range header {
		fmt.Fprintf(w, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
	}
	fmt.Fprint(w, `</row>`)
	bw := bufio.NewWriter(w)
	var row []byte
	for i := 2; i <= n+1; i++ {
		row = append(row[:0], `<row r="`...)
		row = strconv.AppendInt(row, int64(i), 10)
		row = append(row, `"><c r="A`...)
		row = strconv.AppendInt(row, int64(i), 10)
		row = append(row, `" t="inlineStr"><is><t></t></is></c></row>`...)
		bw.Write(row)
	}
	bw.Flush()
	fmt.Fprint(w, `</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

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
		if bombs[path] = emptyRowsWorkbook(t, header, 1_000_000); len(bombs[path]) > 8<<20 {
			t.Fatalf("the workbook is %d bytes", len(bombs[path]))
		}
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
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
					if w := e.do("officer31", "PUT", "/api/v1/enterprises/0100233488", "application/json", body); w.Code != 200 {
						t.Errorf("an edit during the import: %d %s", w.Code, w.Body)
						return
					}
					slowest = max(slowest, time.Since(start))
					time.Sleep(20 * time.Millisecond)
				}
			}()
			start := time.Now()
			w := e.do("admin", "POST", path, "application/octet-stream", bomb)
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
		e := newEnv(t, st)
		file := []byte("indicator,unit,period,value,status,source\nRETAIL_SALES,31,2024,225784,official,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Cục Thống kê\"\")\"\n")
		if w := e.do("officer31", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		w := e.do("", "GET", "/api/v1/stats/values/export.csv?indicator=RETAIL_SALES&year=2024", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"'=HYPERLINK(`) {
			t.Errorf("export: %d %s", w.Code, w.Body)
		}
		if back := e.do("officer31", "POST", "/api/v1/stats/values/import", "text/csv", w.Body.Bytes()); back.Code != 200 || !strings.Contains(back.Body.String(), `"unchanged":1`) {
			t.Errorf("the export imported back: %d %s", back.Code, back.Body)
		}
		w = e.do("", "GET", "/api/v1/stats/values/export.csv?indicator="+url.QueryEscape(`x";filename="evil.html`)+"&year=2024", "", nil)
		_, params, err := mime.ParseMediaType(w.Header().Get("Content-Disposition"))
		if err != nil || !strings.HasSuffix(params["filename"], ".csv") || !strings.Contains(params["filename"], `"`) {
			t.Errorf("Content-Disposition %q: %v %v", w.Header().Get("Content-Disposition"), params, err)
		}
	})
}
