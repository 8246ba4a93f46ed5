package statsweb_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
	"congthuong/internal/webtest"
)

func TestStatsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("", "GET", "/api/v1/stats/indicators", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"code":"TRADE_BALANCE"`) {
			t.Errorf("indicators: %d", w.Code)
		}
		share := []byte(`{"name_vi":"Tỷ trọng xuất khẩu","name_en":"Export share","measure":"%","kind":"formula",
			"formula":"EXPORTS / (EXPORTS + IMPORTS) * 100","aggregation":"none","decimals":1,"higher_is_better":true,"non_negative":true}`)
		if w := e.Do("officer31", "PUT", "/api/v1/stats/indicators/EXPORT_SHARE", "application/json", share); w.Code != 403 {
			t.Errorf("officer adding an indicator: %d", w.Code)
		}
		if w := e.Do("admin", "PUT", "/api/v1/stats/indicators/EXPORT_SHARE", "application/json", share); w.Code != 200 {
			t.Errorf("admin adding an indicator: %d %s", w.Code, w.Body)
		}
		bad := []byte(strings.Replace(string(share), "IMPORTS", "GDP", 1))
		if w := e.Do("admin", "PUT", "/api/v1/stats/indicators/EXPORT_SHARE", "application/json", bad); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `"field":"formula"`) {
			t.Errorf("formula naming an unknown indicator: %d %s", w.Code, w.Body)
		}

		file := []byte("indicator,unit,period,value,status\nRETAIL_SALES,31,2024,225784,official\nEXPORTS,31,2024-04,3100,estimate\n")
		if w := e.Do("thuynguyen", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 400 ||
			!strings.Contains(w.Body.String(), "outside your scope") {
			t.Errorf("commune officer importing province values: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/stats/values/import?dry_run=true", "text/csv", file); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"created":2`) {
			t.Errorf("dry run: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/stats/values?indicator=EXPORTS&period=2024-04", "", nil); w.Code != 200 ||
			strings.Contains(w.Body.String(), `"unit"`) {
			t.Errorf("the public sees an estimate: %s", w.Body)
		}
		if w := e.Do("officer31", "GET", "/api/v1/stats/values?indicator=EXPORTS&period=2024-04", "", nil); !strings.Contains(w.Body.String(), `"value":3100`) {
			t.Errorf("staff values: %s", w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/stats/values?indicator=EXPORTS&period=2024Q9", "", nil); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `"field":"period"`) {
			t.Errorf("bad period: %d %s", w.Code, w.Body)
		}
	})
}

func TestAnalyticsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		file := []byte("indicator,unit,period,value,status\nRETAIL_SALES,31,2024,100,official\nRETAIL_SALES,30,2024,50,official\nRETAIL_SALES,31,2025,180,official\n")
		if w := e.Do("admin", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		target := []byte(`{"indicator":"RETAIL_SALES","unit":"31","period":"2025","value":200,"resolution":"Nghị quyết (thử)","resolution_date":"2024-12-10"}`)
		if w := e.Do("thuynguyen", "PUT", "/api/v1/stats/targets", "application/json", target); w.Code != 403 {
			t.Errorf("commune officer setting the province's target: %d", w.Code)
		}
		if w := e.Do("officer31", "PUT", "/api/v1/stats/targets", "application/json", target); w.Code != 200 {
			t.Errorf("target: %d %s", w.Code, w.Body)
		}
		w := e.Do("", "GET", "/api/v1/stats/analytics?indicator=RETAIL_SALES&period=2025&units=31", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"previous_year_value":150`) || !strings.Contains(w.Body.String(), `"growth_pct":20`) ||
			!strings.Contains(w.Body.String(), `"target":200`) || !strings.Contains(w.Body.String(), `"attainment_pct":90`) {
			t.Errorf("analytics: %d %s", w.Code, w.Body)
		}
		for q, field := range map[string]string{"period=2025&units=31": "indicator", "indicator=RETAIL_SALES&units=31": "period",
			"indicator=RETAIL_SALES&period=2025": "units", "indicator=NOPE&period=2025&units=31": "indicator"} {
			if w := e.Do("", "GET", "/api/v1/stats/analytics?"+q, "", nil); w.Code != 400 || !strings.Contains(w.Body.String(), `"field":"`+field+`"`) {
				t.Errorf("%s: %d %s", q, w.Code, w.Body)
			}
		}
	})
}

func TestStatsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		file := []byte("indicator,unit,period,value,status\nRETAIL_SALES,31,2023,198753.5,official\nRETAIL_SALES,31,2024,225784,official\nRETAIL_SALES,01,2024,700000,estimate\n")
		if w := e.Do("admin", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		w := e.Do("", "GET", "/stats?indicator=RETAIL_SALES&period=2024&units=31,01", "", nil)
		body := w.Body.String()
		if w.Code != 200 || !strings.Contains(body, "đạt 225.784 tỷ đồng, tăng 13,6% so với năm 2023.") ||
			!strings.Contains(body, `<tr data-unit="01"><td class="num"></td>`) {
			t.Errorf("public statistics page: %d %s", w.Code, webtest.Between(body, `id="stats-heading"`, "</table>"))
		}
		if w := e.Do("admin", "GET", "/stats?indicator=RETAIL_SALES&period=2024&units=31,01", "", nil); !strings.Contains(w.Body.String(), "700.000") {
			t.Error("the country's staff do not see the estimate")
		}
		if w := e.Do("officer31", "GET", "/stats?indicator=RETAIL_SALES&period=2024&units=31,01", "", nil); strings.Contains(w.Body.String(), "700.000") {
			t.Error("Hải Phòng's staff see Hà Nội's estimate")
		}
		if w := e.Do("", "GET", "/stats?indicator=RETAIL_SALES&period=2024Q7&units=31", "", nil); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `id="period" name="period" value="2024Q7" size="18" placeholder="2024, 2024Q2, 2024-04, 2024-01..2024-04" aria-invalid="true"`) {
			t.Errorf("bad period: %d", w.Code)
		}
	})
}

func TestReport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		file := []byte("indicator,unit,period,value,status\nRETAIL_SALES,31,2023-04,16000,official\nRETAIL_SALES,31,2024-04,18000,official\n" +
			"RETAIL_SALES,31,2023-01..2023-04,64000,official\nRETAIL_SALES,31,2024-01..2024-04,72000,official\nIIP,31,2024-04,115.43,official\n")
		if w := e.Do("admin", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		w := e.Do("", "GET", "/api/v1/stats/report?template=monthly&period=2024-04&unit=31&lang=en", "", nil)
		body := w.Body.String()
		for _, want := range []string{
			`"title":"Monthly report: April 2024 — Thành phố Hải Phòng"`,
			"reached VND 18,000 billion in April 2024, up 12.5% from April 2023.",
			"reached VND 72,000 billion in the first four months of 2024, up 12.5% from the first four months of 2023.",
			"rose 15.43% year on year in April 2024.",
			`"query":"/api/v1/stats/analytics?indicator=RETAIL_SALES&period=2024-04&units=31"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("report lacks %s\n%s", want, body)
			}
		}
		w = e.Do("", "GET", "/stats/report?template=monthly&period=2024-04&unit=31", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), "Báo cáo tháng: tháng 4/2024 — Thành phố Hải Phòng") ||
			!strings.Contains(w.Body.String(), "đạt 18.000 tỷ đồng, tăng 12,5% so với cùng kỳ năm trước.") {
			t.Errorf("report page: %d %s", w.Code, webtest.Between(w.Body.String(), "report-title", "</section>"))
		}
		x := e.Do("", "GET", "/stats/report.xlsx?template=monthly&period=2024-04&unit=31&lang=en", "", nil)
		tab, err := tabular.Read(bytes.NewReader(x.Body.Bytes()))
		if x.Code != 200 || err != nil || len(tab.Rows) < 4 || !strings.Contains(tab.Rows[0].Cell(0), "Monthly report") {
			t.Errorf("report workbook: %d, %v", x.Code, err)
		} else {
			found := false
			for _, r := range tab.Rows {
				found = found || r.Cell(1) == "April 2024" && r.Cell(2) == "18000" && r.Cell(4) == "12.5"
			}
			if !found {
				t.Errorf("report workbook lacks the April retail row: %+v", tab.Rows)
			}
		}
		for q, field := range map[string]string{"template=weekly&period=2024-04&unit=31": "template",
			"template=monthly&period=2024&unit=31": "period", "template=monthly&period=2024-04": "unit",
			"template=monthly&period=2024-04&unit=31&lang=fr": "lang"} {
			if w := e.Do("", "GET", "/api/v1/stats/report?"+q, "", nil); w.Code != 400 || !strings.Contains(w.Body.String(), `"field":"`+field+`"`) {
				t.Errorf("%s: %d %s", q, w.Code, w.Body)
			}
		}
	})
}

func TestValueExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		file := []byte("indicator,unit,period,value,status,source\nRETAIL_SALES,31,2024,225784.5,official,Cục Thống kê\nRETAIL_SALES,30,2024-04,1200,estimate,\n")
		if w := e.Do("admin", "POST", "/api/v1/stats/values/import", "text/csv", file); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		for _, ext := range []string{"csv", "xlsx"} {
			w := e.Do("admin", "GET", "/api/v1/stats/values/export."+ext+"?indicator=RETAIL_SALES&year=2024", "", nil)
			if w.Code != 200 {
				t.Fatalf("%s export: %d %s", ext, w.Code, w.Body)
			}
			back := e.Do("admin", "POST", "/api/v1/stats/values/import", "application/octet-stream", w.Body.Bytes())
			if back.Code != 200 || !strings.Contains(back.Body.String(), `"unchanged":2`) {
				t.Errorf("%s export does not import back unchanged: %s", ext, back.Body)
			}
		}
		if w := e.Do("", "GET", "/api/v1/stats/values/export.csv?indicator=RETAIL_SALES&year=2024", "", nil); strings.Contains(w.Body.String(), "1200") {
			t.Error("the public export has an estimate")
		}
		if w := e.Do("", "GET", "/api/v1/stats/values/export.csv?indicator=RETAIL_SALES&year=24", "", nil); w.Code != 400 {
			t.Errorf("bad year: %d", w.Code)
		}
	})
}

func TestDataEntryFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("", "GET", "/api/v1/stats/datasets", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "commune_retail_monthly") {
			t.Errorf("data sets: %d", w.Code)
		}
		put := func(user, body string) int {
			return e.Do(user, "PUT", "/api/v1/stats/submissions/commune_retail_monthly/11560/2026-10", "application/json", []byte(body)).Code
		}
		if code := put("cathai", `{"values":{"RETAIL_SALES":900}}`); code != 403 {
			t.Errorf("another commune entering: %d", code)
		}
		if code := put("thuynguyen", `{"values":{"RETAIL_SALES":900},"source":"Phường"}`); code != 204 {
			t.Fatalf("entry: %d", code)
		}
		w := e.Do("officer31", "GET", "/api/v1/stats/submissions?data_set=commune_retail_monthly&period=2026-10&province=31", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"expected":114,"entered":1,"approved":0`) {
			t.Errorf("submissions: %d %.300s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "GET", "/stats/submissions?data_set=commune_retail_monthly&period=2026-10", "", nil); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `<tr data-unit="11560">`) || !strings.Contains(w.Body.String(), "đã nhập, chờ duyệt") {
			t.Errorf("submissions page: %d", w.Code)
		}
		if w := e.Do("thuynguyen", "POST", "/api/v1/stats/submissions/commune_retail_monthly/11560/2026-10/approve", "", nil); w.Code != 403 {
			t.Errorf("commune approving: %d", w.Code)
		}
		form := "data_set=commune_retail_monthly&unit=11560&period=2026-10&decision=approve"
		if w := e.Do("leader31", "POST", "/stats/submissions/decide", "application/x-www-form-urlencoded", []byte(form)); w.Code != 303 {
			t.Fatalf("approve from the page: %d %s", w.Code, w.Body)
		}
		if code := put("thuynguyen", `{"values":{"RETAIL_SALES":950}}`); code != 409 {
			t.Errorf("editing an approved report: %d", code)
		}
		if w := e.Do("", "GET", "/api/v1/stats/values?indicator=RETAIL_SALES&period=2026-10", "", nil); !strings.Contains(w.Body.String(), `"value":900`) {
			t.Errorf("approved value not public: %s", w.Body)
		}
		// The entry form shows the stored figure and names a bad one beside its field.
		if w := e.Do("thuynguyen", "GET", "/stats/entry?data_set=commune_retail_monthly&unit=11560&period=2026-10", "", nil); !strings.Contains(w.Body.String(), `value="900"`) {
			t.Errorf("entry form: %d", w.Code)
		}
		bad := "data_set=commune_retail_monthly&unit=11560&period=2026-09&RETAIL_SALES=abc"
		if w := e.Do("thuynguyen", "POST", "/stats/entry", "application/x-www-form-urlencoded", []byte(bad)); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `id="f-RETAIL_SALES" name="RETAIL_SALES" value="abc" aria-invalid="true"`) {
			t.Errorf("bad figure: %d", w.Code)
		}
		good := "data_set=commune_retail_monthly&unit=11560&period=2026-09&RETAIL_SALES=812,5"
		if w := e.Do("thuynguyen", "POST", "/stats/entry", "application/x-www-form-urlencoded", []byte(good)); w.Code != 303 {
			t.Errorf("entry from the form: %d %s", w.Code, w.Body)
		}
	})
}

func TestDataSetTemplate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("officer31", "GET", "/api/v1/stats/datasets/commune_retail_monthly/template.xlsx?unit=31&period=2026-10", "", nil)
		if w.Code != 200 {
			t.Fatalf("template: %d %s", w.Code, w.Body)
		}
		tab, err := tabular.Read(bytes.NewReader(w.Body.Bytes()))
		if err != nil || len(tab.Rows) != 114 || tab.Rows[0].Cell(0) != "RETAIL_SALES" || tab.Rows[0].Cell(2) != "2026-10" {
			t.Fatalf("template rows: %d, %v", len(tab.Rows), err)
		}
		// Imported as it comes, every empty value is named; filled in, it imports.
		if w := e.Do("officer31", "POST", "/api/v1/stats/values/import?dry_run=true", "application/octet-stream", w.Body.Bytes()); w.Code != 400 ||
			strings.Count(w.Body.String(), `"field":"value"`) != 114 {
			t.Errorf("empty template: %d", w.Code)
		}
		var filled strings.Builder
		filled.WriteString(strings.Join(tab.Header, ",") + "\n")
		for i, r := range tab.Rows {
			fmt.Fprintf(&filled, "%s,%s,%s,%d,%s,\n", r.Cell(0), r.Cell(1), r.Cell(2), 100+i, r.Cell(4))
		}
		if w := e.Do("officer31", "POST", "/api/v1/stats/values/import", "text/csv", []byte(filled.String())); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"created":114`) {
			t.Errorf("filled template: %d %s", w.Code, w.Body)
		}
		for q, code := range map[string]int{"/api/v1/stats/datasets/nope/template.xlsx?unit=31&period=2026-10": 404,
			"/api/v1/stats/datasets/commune_retail_monthly/template.xlsx?unit=31&period=2026Q4": 400} {
			if w := e.Do("officer31", "GET", q, "", nil); w.Code != code {
				t.Errorf("%s: %d, want %d", q, w.Code, code)
			}
		}
	})
}

func TestDashboard(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		var file strings.Builder
		file.WriteString("indicator,unit,period,value,status\n")
		for m := 1; m <= 12; m++ {
			fmt.Fprintf(&file, "RETAIL_SALES,31,2024-%02d,%d,official\nRETAIL_SALES,31,2023-%02d,%d,official\n", m, 18000+m*10, m, 16000+m*10)
		}
		file.WriteString("RETAIL_SALES,01,2024,400000,official\nRETAIL_SALES,01,2023,360000,official\n")
		if w := e.Do("admin", "POST", "/api/v1/stats/values/import", "text/csv", []byte(file.String())); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		target := []byte(`{"indicator":"RETAIL_SALES","unit":"31","period":"2024","value":240000,"resolution":"NQ (thử)","resolution_date":"2023-12-01"}`)
		if w := e.Do("officer31", "PUT", "/api/v1/stats/targets", "application/json", target); w.Code != 200 {
			t.Fatalf("target: %d %s", w.Code, w.Body)
		}
		w := e.Do("", "GET", "/stats/dashboard?indicator=RETAIL_SALES&unit=31&year=2024", "", nil)
		body := w.Body.String()
		for _, want := range []string{`<script type="application/json" id="series-json">`, `"data":[18010,18020`, `"data":[16010,16020`,
			`id="gauge-json"`, `Đạt 90,3% kế hoạch (240.000).`, `<tr class="mine"><td class="num">2</td><td>Thành phố Hải Phòng</td>`} {
			if !strings.Contains(body, want) {
				t.Errorf("dashboard lacks %s", want)
			}
		}
		if w.Code != 200 {
			t.Errorf("dashboard: %d", w.Code)
		}
		w = e.Do("", "GET", "/stats/units/31?year=2024", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), "216.780") || !strings.Contains(w.Body.String(), "90,3%") {
			t.Errorf("unit card: %d %s", w.Code, webtest.Between(w.Body.String(), "card-table", "</table>"))
		}
	})
}
