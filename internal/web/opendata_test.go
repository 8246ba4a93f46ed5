package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"congthuong/internal/news"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
	"congthuong/internal/webtest"
)

// TestOpenData: the catalogue lists every module's public datasets; each
// downloads as CSV, XLSX and JSON with the public's rows only (official
// figures, published news); statistics are split by year; the DCAT-AP
// catalogue names every download, and each answers.
func TestOpenData(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		newsItems(t, st, news.KindNews, "Tin đã đăng", "Tin nháp")
		rows := []stats.ValueRow{
			{Line: 2, Indicator: "EXPORTS", UnitCode: "31", Period: stats.YearOf(2024), Value: 36400, Status: stats.Official},
			{Line: 3, Indicator: "EXPORTS", UnitCode: "31", Period: stats.MonthOf(2024, 3), Value: 3100, Status: stats.Official},
			{Line: 4, Indicator: "EXPORTS", UnitCode: "31", Period: stats.MonthOf(2024, 4), Value: 777, Status: stats.Preliminary},
			{Line: 5, Indicator: "RETAIL_SALES", UnitCode: "31", Period: stats.YearOf(2023), Value: 999, Status: stats.Preliminary},
		}
		if _, err := st.ImportValues(storetest.As(storetest.HaiPhongOfficer), tabular.Rows(rows), false); err != nil {
			t.Fatal(err)
		}
		page := e.Do("", "GET", "/data", "", nil)
		body := page.Body.String()
		for _, want := range []string{`id="procedures"`, `id="legal-documents"`, `id="news"`, `id="industrial-parks"`, `id="stats-exports"`,
			`href="/data/stats-exports/2024.csv"`, `href="/data/news.xlsx"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the catalogue lacks %s", want)
			}
		}
		if strings.Contains(body, "%!") || strings.Contains(body, "{0}") || !strings.Contains(body, "Tệp theo năm (1)") {
			t.Errorf("the catalogue's sentences are not filled in")
		}
		if page.Code != 200 || strings.Contains(body, `id="stats-retail-sales"`) {
			t.Errorf("a data set without official figures is listed (%d)", page.Code)
		}

		csv := e.Do("", "GET", "/data/stats-exports/2024.csv", "", nil)
		if csv.Code != 200 || !strings.HasPrefix(csv.Body.String(), "indicator,unit,period,value,status,source\n") ||
			!strings.Contains(csv.Body.String(), "EXPORTS,31,2024,36400,official") || strings.Contains(csv.Body.String(), "777") {
			t.Errorf("statistics CSV: %d\n%s", csv.Code, csv.Body.String())
		}
		var items []map[string]string
		j := e.Do("", "GET", "/data/news.json", "", nil)
		if j.Code != 200 || json.Unmarshal(j.Body.Bytes(), &items) != nil || len(items) != 1 || items[0]["title"] != "Tin đã đăng" ||
			items[0]["kind"] != "Tin tức" {
			t.Errorf("news JSON: %d %s", j.Code, j.Body.String())
		}
		if x := e.Do("", "GET", "/data/procedures.xlsx", "", nil); x.Code != 200 || !strings.HasPrefix(x.Body.String(), "PK") {
			t.Errorf("procedures XLSX: %d", x.Code)
		}
		for _, bad := range []string{"/data/nothing.csv", "/data/news.exe", "/data/stats-exports/1999.csv", "/data/news/2024.csv",
			"/data/stats-exports.csv"} {
			if w := e.Do("", "GET", bad, "", nil); w.Code != 404 {
				t.Errorf("%s: %d, want 404", bad, w.Code)
			}
		}

		var cat struct {
			Type     string `json:"@type"`
			Datasets []struct {
				Identifier string `json:"dct:identifier"`
				Title      []struct {
					Value string `json:"@value"`
					Lang  string `json:"@language"`
				} `json:"dct:title"`
				Distributions []struct {
					Download struct {
						ID string `json:"@id"`
					} `json:"dcat:downloadURL"`
				} `json:"dcat:distribution"`
			} `json:"dcat:dataset"`
		}
		w := e.Do("", "GET", "/data/catalog.jsonld", "", nil)
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/ld+json" || json.Unmarshal(w.Body.Bytes(), &cat) != nil ||
			cat.Type != "dcat:Catalog" || len(cat.Datasets) < 5 {
			t.Fatalf("DCAT: %d %s", w.Code, w.Body.String())
		}
		for _, d := range cat.Datasets {
			if len(d.Title) != 2 || d.Title[0].Lang != "vi" || d.Title[1].Lang != "en" || len(d.Distributions) < 3 {
				t.Errorf("dataset %s: titles %v, %d distributions", d.Identifier, d.Title, len(d.Distributions))
			}
			for _, dist := range d.Distributions {
				path := strings.TrimPrefix(dist.Download.ID, "http://localhost:8080")
				if w := e.Do("", "GET", path, "", nil); w.Code != 200 {
					t.Errorf("%s: %d", path, w.Code)
				}
			}
		}
	})
}
