package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

const dinhVuJSON = `{"code":"KCN-DINHVU","kind":"park","type":"general","name_vi":"Khu công nghiệp Đình Vũ",
	"name_en":"Dinh Vu Industrial Park","unit_code":"31","status":"operating",
	"decision":{"number":"1735/QĐ-TTg","date":"1997-12-18"},"planned_ha":742.5,"industrial_land_ha":540.25,
	"leasable_ha":540.25,"leased_ha":480,"investor_tax_code":"0100233488","wastewater_m3_per_day":6000,
	"wastewater_operating":true,"eco_status":"converting","sectors":["C24"],"port_km":3.5,"published":true,
	"geometry":{"type":"Polygon","coordinates":[[[106.74,20.83],[106.79,20.83],[106.79,20.86],[106.74,20.86],[106.74,20.83]]]}}`

func TestParksAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 401 {
			t.Errorf("the public registering a park: %d", w.Code)
		}
		if w := e.Do("officer01", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 403 {
			t.Errorf("Hà Nội registering a Hải Phòng park: %d %s", w.Code, w.Body)
		}
		w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON))
		if w.Code != 201 || w.Header().Get("Location") != "/api/v1/parks/KCN-DINHVU" || !strings.Contains(w.Body.String(), `"planned_ha":742.5`) ||
			!strings.Contains(w.Body.String(), `"free_ha":60.25`) || !strings.Contains(w.Body.String(), `"investor_name":"Công ty Cổ phần Thủy Nguyên"`) {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		cluster := `{"code":"CCN-TANLIEN","kind":"cluster","name_vi":"Cụm công nghiệp Tân Liên","unit_code":"11560","status":"planned","planned_ha":80}`
		if w := e.Do("thuynguyen", "POST", "/api/v1/parks", "application/json", []byte(cluster)); w.Code != 201 ||
			!strings.Contains(w.Body.String(), "Decree 32/2024") {
			t.Errorf("an 80 ha cluster, with the law's warning: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(`{"code":"X","kind":"zone"}`)); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `"field":"kind"`) {
			t.Errorf("invalid: %d %s", w.Code, w.Body)
		}

		// The public: published sites, no warnings; filters in the query.
		w = e.Do("", "GET", "/api/v1/parks", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"total":1`) || strings.Contains(w.Body.String(), "CCN-TANLIEN") ||
			!strings.Contains(w.Body.String(), `"totals":[{"kind":"park","count":1,"planned_ha":742.5`) {
			t.Errorf("public list: %s", w.Body)
		}
		for query, want := range map[string]string{
			"?q=dinh+vu":          `"total":1`,
			"?min_free_ha=60.25":  `"total":1`,
			"?min_free_ha=60.3":   `"total":0`,
			"?wastewater=1":       `"total":1`,
			"?max_port_km=3":      `"total":0`,
			"?kind=cluster":       `"total":0`,
			"?sector=C24":         `"total":1`,
			"?min_free_ha=lots":   `"field":"min_free_ha"`,
			"?kind=zone":          `"field":"kind"`,
			"?max_port_km=near":   `"field":"max_port_km"`,
			"?sort=-free&limit=1": `"total":1`,
		} {
			if w := e.Do("", "GET", "/api/v1/parks"+query, "", nil); !strings.Contains(w.Body.String(), want) {
				t.Errorf("%s: %d %s", query, w.Code, w.Body)
			}
		}
		// Public answers are cached and revalidated by their ETag.
		w = e.Do("", "GET", "/api/v1/parks?kind=park", "", nil)
		if etag := w.Header().Get("ETag"); etag == "" || w.Header().Get("Cache-Control") != "public, no-cache" {
			t.Errorf("public list headers: %v", w.Header())
		} else {
			r := httptest.NewRequest("GET", "/api/v1/parks?kind=park", nil)
			r.Header.Set("If-None-Match", etag)
			rec := httptest.NewRecorder()
			e.Server.ServeHTTP(rec, r)
			if rec.Code != 304 {
				t.Errorf("revalidation: %d", rec.Code)
			}
		}
		if w := e.Do("officer31", "GET", "/api/v1/parks?kind=cluster", "", nil); !strings.Contains(w.Body.String(), `"total":1`) {
			t.Errorf("staff see their unpublished cluster: %s", w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/CCN-TANLIEN", "", nil); w.Code != 404 {
			t.Errorf("an unpublished cluster to the public: %d", w.Code)
		}
		w = e.Do("", "GET", "/api/v1/parks/kcn-dinhvu", "", nil)
		var got map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got["version"] != 1.0 || got["warnings"] != nil {
			t.Fatalf("detail: %s", w.Body)
		}

		// The map: every published site with a geometry.
		w = e.Do("", "GET", "/api/v1/parks.geojson", "", nil)
		var fc struct {
			Type     string `json:"type"`
			Features []struct {
				ID         string          `json:"id"`
				Geometry   json.RawMessage `json:"geometry"`
				Properties map[string]any  `json:"properties"`
			} `json:"features"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != 1 ||
			fc.Features[0].ID != "KCN-DINHVU" || fc.Features[0].Properties["free_ha"] != 60.25 ||
			!strings.Contains(string(fc.Features[0].Geometry), `[106.74,20.83]`) {
			t.Errorf("geojson: %v %s", err, w.Body)
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/geo+json") {
			t.Errorf("content type %s", ct)
		}

		// Edits carry the version read.
		edited := strings.Replace(dinhVuJSON, `"leased_ha":480`, `"leased_ha":500,"version":1`, 1)
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-DINHVU", "application/json", []byte(edited)); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"version":2`) {
			t.Fatalf("update: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-DINHVU", "application/json", []byte(edited)); w.Code != 409 {
			t.Errorf("a stale update: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "GET", "/api/v1/parks/KCN-DINHVU/history", "", nil); w.Code != 200 || strings.Count(w.Body.String(), `"action"`) != 2 {
			t.Errorf("history: %d %s", w.Code, w.Body)
		}

		// Tenants.
		tenant := `{"tax_code":"0314409058","project":"Nhà máy thép","sector":"C24","leased_ha":20.5,"jobs":250,"status":"operating"}`
		w = e.Do("officer31", "POST", "/api/v1/parks/KCN-DINHVU/tenants", "application/json", []byte(tenant))
		if w.Code != 201 {
			t.Fatalf("add tenant: %d %s", w.Code, w.Body)
		}
		var ten struct {
			ID int64 `json:"id"`
		}
		json.Unmarshal(w.Body.Bytes(), &ten)
		if w := e.Do("", "GET", "/api/v1/parks/KCN-DINHVU", "", nil); !strings.Contains(w.Body.String(), `"leased_ha":20.5`) ||
			!strings.Contains(w.Body.String(), `"tenants":1`) {
			t.Errorf("the site from its tenant: %s", w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/KCN-DINHVU/tenants", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Cát Hải") ||
			strings.Contains(w.Body.String(), `"jobs":250`) {
			t.Errorf("public tenants: %s", w.Body)
		}
		stopped := strings.Replace(tenant, `"operating"`, `"stopped","version":1`, 1)
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-DINHVU/tenants/"+strconv.FormatInt(ten.ID, 10), "application/json", []byte(stopped)); w.Code != 200 {
			t.Errorf("update tenant: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "DELETE", "/api/v1/parks/KCN-DINHVU/tenants/"+strconv.FormatInt(ten.ID, 10), "", nil); w.Code != 204 {
			t.Errorf("delete tenant: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "DELETE", "/api/v1/parks/KCN-DINHVU/tenants/x", "", nil); w.Code != 404 {
			t.Errorf("delete tenant x: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/summary?by=province", "", nil); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `{"unit_code":"31","kind":"park","count":1,"planned_ha":742.5`) {
			t.Errorf("summary: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/summary?by=district", "", nil); w.Code != 400 {
			t.Errorf("summary by district: %d", w.Code)
		}
	})
}

func TestParksImportExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		sheet := "code,kind,name_vi,unit_code,status,decision_number,planned_ha,leasable_ha,investor_tax_code,lon,lat,published\n" +
			"KCN-A,park,Khu công nghiệp A,31,operating,1/QĐ-TTg,742.5,540.25,0100233488,106.76,20.845,1\n" +
			"CCN-B,cluster,Cụm công nghiệp B,11560,planned,,50,35,,,,1\n"
		if w := e.Do("", "POST", "/api/v1/parks/import", "text/csv", []byte(sheet)); w.Code != 401 {
			t.Errorf("the public importing: %d", w.Code)
		}
		if w := e.Do("officer31", "POST", "/api/v1/parks/import?dry_run=true", "text/csv", []byte(sheet)); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"created":2`) {
			t.Fatalf("dry run: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks", "", nil); !strings.Contains(w.Body.String(), `"total":0`) {
			t.Errorf("a dry run wrote: %s", w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/parks/import", "text/csv", []byte(sheet)); w.Code != 200 {
			t.Fatalf("import: %d %s", w.Code, w.Body)
		}
		// A polygon drawn on the map afterwards.
		site := e.Do("officer31", "GET", "/api/v1/parks/KCN-A", "", nil).Body.String()
		site = strings.Replace(site, `{"type":"Point","coordinates":[106.76,20.845]}`,
			`{"type":"Polygon","coordinates":[[[106.74,20.83],[106.78,20.83],[106.78,20.86],[106.74,20.86],[106.74,20.83]]]}`, 1)
		var p map[string]any
		json.Unmarshal([]byte(site), &p)
		delete(p, "occupancy_pct")
		delete(p, "free_ha")
		delete(p, "warnings")
		body, _ := json.Marshal(p)
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-A", "application/json", body); w.Code != 200 {
			t.Fatalf("draw the polygon: %d %s", w.Code, w.Body)
		}

		// GeoJSON out and back in (the sites with a location): nothing changes.
		geo := e.Do("officer31", "GET", "/api/v1/parks.geojson", "", nil).Body.Bytes()
		if w := e.Do("officer31", "POST", "/api/v1/parks/import", "application/geo+json", geo); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"rows":1,"created":0,"updated":0,"unchanged":1`) {
			t.Errorf("GeoJSON round trip: %d %s", w.Code, w.Body)
		}
		if again := e.Do("officer31", "GET", "/api/v1/parks.geojson", "", nil).Body.Bytes(); !bytes.Equal(again, geo) {
			t.Errorf("the GeoJSON changed after its own import")
		}
		// The sheet out and back in: nothing changes, the polygon stays.
		xlsx := e.Do("officer31", "GET", "/api/v1/parks/export.xlsx", "", nil)
		if xlsx.Code != 200 || xlsx.Header().Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Fatalf("export: %d", xlsx.Code)
		}
		if w := e.Do("officer31", "POST", "/api/v1/parks/import", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Body.Bytes()); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"unchanged":2`) {
			t.Errorf("XLSX round trip: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/KCN-A", "", nil); !strings.Contains(w.Body.String(), `"type":"Polygon"`) {
			t.Errorf("the polygon after the sheet's import: %s", w.Body)
		}
		// A bad GeoJSON names the feature.
		bad := `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[20,106]},
			"properties":{"code":"KCN-Z","kind":"park","type":"general","name_vi":"Z","unit_code":"31","status":"planned","planned_ha":5}}]}`
		if w := e.Do("officer31", "POST", "/api/v1/parks/import", "application/geo+json", []byte(bad)); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `"field":"geometry","row":1`) {
			t.Errorf("bad GeoJSON: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/parks/import", "application/json", []byte(`{"type":"Feature"}`)); w.Code != 400 {
			t.Errorf("not a collection: %d %s", w.Code, w.Body)
		}

		// Tenants.
		tenants := "site_code,tax_code,project,leased_ha,jobs,status\nKCN-A,0314409058,Nhà máy,100,500,operating\n"
		if w := e.Do("officer31", "POST", "/api/v1/tenants/import", "text/csv", []byte(tenants)); w.Code != 200 || !strings.Contains(w.Body.String(), `"created":1`) {
			t.Fatalf("tenant import: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/KCN-A", "", nil); !strings.Contains(w.Body.String(), `"leased_ha":100`) {
			t.Errorf("the public sees the new leased land at once: %s", w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks.geojson", "", nil); !strings.Contains(w.Body.String(), `"leased_ha":100,`) ||
			!strings.Contains(w.Body.String(), `"tenants":1,`) {
			t.Errorf("the map's feature follows the tenants: %s", w.Body)
		}
		tx := e.Do("officer31", "GET", "/api/v1/tenants/export.xlsx", "", nil)
		if w := e.Do("officer31", "POST", "/api/v1/tenants/import", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", tx.Body.Bytes()); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"unchanged":1`) {
			t.Errorf("tenant XLSX round trip: %d %s", w.Code, w.Body)
		}
	})
}

func TestParkReportsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		site := `{"code":"CCN-R","kind":"cluster","name_vi":"Cụm R","unit_code":"11560","status":"operating","decision":{"number":"1/QĐ"},"planned_ha":50,"leasable_ha":40}`
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(site)); w.Code != 201 {
			t.Fatalf("site: %d %s", w.Code, w.Body)
		}
		w := e.Do("officer31", "POST", "/api/v1/parks/CCN-R/tenants", "application/json", []byte(`{"tax_code":"0100233488","project":"Nhà máy","leased_ha":10,"jobs":100,"status":"operating"}`))
		var ten struct {
			ID int64 `json:"id"`
		}
		json.Unmarshal(w.Body.Bytes(), &ten)
		report := `{"site_code":"CCN-R","tenant_id":` + strconv.FormatInt(ten.ID, 10) + `,"year":2026,"half":2,"jobs":150,"capital_vnd":20000000000,"leased_ha":11}`
		if w := e.Do("cathai", "POST", "/api/v1/parks/reports", "application/json", []byte(report)); w.Code != 403 {
			t.Errorf("another commune filing: %d %s", w.Code, w.Body)
		}
		if w := e.Do("owner", "POST", "/api/v1/parks/reports", "application/json", []byte(report)); w.Code != 201 {
			t.Fatalf("the tenant files: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "GET", "/api/v1/parks/reports?period=2026H2", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"status":"entered"`) ||
			!strings.Contains(w.Body.String(), `"expected":1`) {
			t.Errorf("reports: %d %s", w.Code, w.Body)
		}
		decide := `{"site_code":"CCN-R","tenant_id":` + strconv.FormatInt(ten.ID, 10) + `,"period":"2026H2","approve":true}`
		if w := e.Do("leader31", "POST", "/api/v1/parks/reports/decide", "application/json", []byte(decide)); w.Code != 204 {
			t.Fatalf("approve: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/CCN-R", "", nil); w.Code != 404 {
			t.Errorf("an unpublished site: %d", w.Code)
		}
		if w := e.Do("officer31", "GET", "/api/v1/parks/CCN-R", "", nil); !strings.Contains(w.Body.String(), `"jobs":150`) {
			t.Errorf("approved jobs on the site: %s", w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/parks/reports/publish?period=2026H2", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"created":11`) {
			t.Errorf("publish: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "GET", "/api/v1/parks/reports?period=2026Q3", "", nil); w.Code != 400 {
			t.Errorf("a quarter for a half: %d", w.Code)
		}
	})
}

func TestParkFilesAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 201 {
			t.Fatalf("site: %d %s", w.Code, w.Body)
		}
		png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
		ctype, body := webtest.MultipartForm(t, []string{"kind", "photo", "title", "Cổng chính"}, webtest.FormFile{Name: "gate.png", Content: png})
		if w := e.Do("", "POST", "/api/v1/parks/KCN-DINHVU/files", ctype, body); w.Code != 401 {
			t.Errorf("the public attaching: %d", w.Code)
		}
		w := e.Do("officer31", "POST", "/api/v1/parks/KCN-DINHVU/files", ctype, body)
		var f struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &f); w.Code != 201 || err != nil || f.ID == 0 {
			t.Fatalf("attach: %d %s", w.Code, w.Body)
		}
		w = e.Do("", "GET", "/api/v1/parks/KCN-DINHVU/files/"+strconv.FormatInt(f.ID, 10), "", nil)
		if w.Code != 200 || w.Header().Get("Content-Type") != "image/png" || !bytes.Equal(w.Body.Bytes(), png) ||
			!strings.HasPrefix(w.Header().Get("Content-Disposition"), "inline") {
			t.Errorf("download: %d %v", w.Code, w.Header())
		}
		if w := e.Do("", "GET", "/parks/KCN-DINHVU", "", nil); !strings.Contains(w.Body.String(), `alt="Cổng chính"`) {
			t.Errorf("the photo on the site's page")
		}
		if w := e.Do("officer31", "DELETE", "/api/v1/parks/KCN-DINHVU/files/"+strconv.FormatInt(f.ID, 10), "", nil); w.Code != 204 {
			t.Errorf("delete: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/KCN-DINHVU/files/"+strconv.FormatInt(f.ID, 10), "", nil); w.Code != 404 {
			t.Errorf("after delete: %d", w.Code)
		}
	})
}

func TestProceduresAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("", "GET", "/api/v1/procedures?q=thuoc+la&level=commune", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"total":1`) ||
			!strings.Contains(w.Body.String(), `"working_days":15`) {
			t.Errorf("search: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/procedures/CT-CO", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"working_hours":6`) {
			t.Errorf("C/O: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/procedures/NOPE", "", nil); w.Code != 404 {
			t.Errorf("unknown: %d", w.Code)
		}
		if w := e.Do("", "GET", "/api/v1/procedures?level=district", "", nil); w.Code != 400 || !strings.Contains(w.Body.String(), `"field":"level"`) {
			t.Errorf("bad level: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/procedures?q=ruou", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "rượu") {
			t.Errorf("the public page: %d", w.Code)
		}
		proc := []byte(`{"national_code":"2.000004","name_vi":"Cấp Giấy phép kinh doanh mẫu","level":"province","online":"partial","term":{"working_days":7,"verified":true}}`)
		if w := e.Do("officer31", "PUT", "/api/v1/procedures/CT-MAU", "application/json", proc); w.Code != 403 {
			t.Errorf("an officer changing the catalogue: %d", w.Code)
		}
		if w := e.Do("admin", "PUT", "/api/v1/procedures/ct-mau", "application/json", proc); w.Code != 200 || !strings.Contains(w.Body.String(), `"code":"CT-MAU"`) {
			t.Errorf("an administrator adding a procedure: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/procedures/2.000004", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "CT-MAU") {
			t.Errorf("by national code: %d %s", w.Code, w.Body)
		}
	})
}

func TestDossiersAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		filing := `{"procedure_code":"CT-THUOCLA-BANLE","unit_code":"11560","applicant":{"name":"Công ty Cổ phần Thủy Nguyên","phone":"0912 345 678"},
			"form":{"tax_code":"0100233488","business_address":"Số 1"}}`
		if w := e.Do("", "POST", "/api/v1/dossiers", "application/json", []byte(filing)); w.Code != 401 {
			t.Errorf("anonymous filing: %d", w.Code)
		}
		w := e.Do("owner", "POST", "/api/v1/dossiers", "application/json", []byte(filing))
		var d struct {
			Code        string `json:"code"`
			TrackingKey string `json:"tracking_key"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &d); w.Code != 201 || err != nil || !strings.HasPrefix(d.Code, "X11560-") || d.TrackingKey == "" {
			t.Fatalf("filing: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(`{"action":"receive"}`)); w.Code != 404 {
			t.Errorf("the province receiving a commune's dossier: %d %s", w.Code, w.Body)
		}
		if w := e.Do("thuynguyen", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(`{"action":"receive"}`)); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"status":"received"`) || !strings.Contains(w.Body.String(), `"due_at"`) {
			t.Fatalf("receive: %d %s", w.Code, w.Body)
		}
		if w := e.Do("thuynguyen", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(`{"action":"approve"}`)); w.Code != 409 {
			t.Errorf("approving a received dossier: %d %s", w.Code, w.Body)
		}
		if w := e.Do("owner", "GET", "/api/v1/dossiers/"+d.Code, "", nil); w.Code != 200 || strings.Count(w.Body.String(), `"action"`) != 2 {
			t.Errorf("the applicant's view: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/tracking/"+d.Code+"?phone=0912345678", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"status_code":2`) ||
			strings.Contains(w.Body.String(), "Thủy Nguyên") {
			t.Errorf("tracking: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/tracking/"+d.Code+"?phone=0900000000", "", nil); w.Code != 404 {
			t.Errorf("tracking with another phone: %d", w.Code)
		}
		if w := e.Do("", "GET", "/api/v1/tracking/"+d.Code+"?key="+d.TrackingKey, "", nil); w.Code != 200 {
			t.Errorf("tracking with the receipt's key: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/tracking/"+d.Code+"?tax_code=0100233488", "", nil); w.Code != 404 {
			t.Errorf("tracking with the public tax code: %d", w.Code)
		}
	})
}

// TestTrackingIsNotAnOracle: a wrong code and a wrong secret get the same
// answer, and an address that keeps guessing is stopped, others not.
func TestTrackingIsNotAnOracle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		track := func(path, addr string) *httptest.ResponseRecorder {
			r := httptest.NewRequest("GET", path, nil)
			r.RemoteAddr = addr + ":1"
			w := httptest.NewRecorder()
			e.Server.ServeHTTP(w, r)
			return w
		}
		filing := `{"procedure_code":"CT-THUOCLA-BANLE","unit_code":"11560","applicant":{"name":"Công ty Cổ phần Thủy Nguyên","phone":"0912 345 678"},
			"form":{"tax_code":"0100233488","business_address":"Số 1"}}`
		var d struct{ Code string }
		if w := e.Do("owner", "POST", "/api/v1/dossiers", "application/json", []byte(filing)); w.Code != 201 || json.Unmarshal(w.Body.Bytes(), &d) != nil {
			t.Fatalf("filing: %d %s", w.Code, w.Body)
		}
		unknown := track("/api/v1/tracking/X11560-260101-0001?phone=0912345678", "198.51.100.1")
		wrong := track("/api/v1/tracking/"+d.Code+"?phone=0900000000", "198.51.100.1")
		if unknown.Code != 404 || wrong.Code != 404 || unknown.Body.String() != wrong.Body.String() {
			t.Errorf("an unknown code and a wrong phone answer differently: %d %s / %d %s", unknown.Code, unknown.Body, wrong.Code, wrong.Body)
		}
		for i := 2; i < 20; i++ {
			track(fmt.Sprintf("/api/v1/tracking/X11560-260101-%04d?phone=0912345678", i), "198.51.100.1")
		}
		if w := track("/api/v1/tracking/X11560-260101-0999?phone=0912345678", "198.51.100.1"); w.Code != 429 || w.Header().Get("Retry-After") == "" {
			t.Errorf("the 21st guess: %d", w.Code)
		}
		if w := track("/tracking?code=X11560-260101-0999&key=0912345678", "198.51.100.1"); w.Code != 429 || !strings.Contains(w.Body.String(), "quá nhiều lần") {
			t.Errorf("the page after 20 guesses: %d", w.Code)
		}
		if w := track("/api/v1/tracking/X11560-260101-0999?phone=0912345678", "198.51.100.2"); w.Code != 404 {
			t.Errorf("another address: %d", w.Code)
		}
	})
}

func TestDossierFormsAndVerification(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		filing := `{"procedure_code":"CT-KM-MAYRUI","unit_code":"31","channel":1,"applicant":{"name":"Công ty Cát Hải","phone":"0225 3888 999"},
			"form":{"tax_code":"0314409058","start_date":"2026-12-01","end_date":"2026-12-31"}}`
		w := e.Do("officer31", "POST", "/api/v1/dossiers", "application/json", []byte(filing))
		var d struct {
			Code  string `json:"code"`
			DueAt string `json:"due_at"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &d); w.Code != 201 || err != nil || d.DueAt == "" {
			t.Fatalf("recorded at the desk: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "GET", "/dossiers/"+d.Code+"/forms/01", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") ||
			!strings.Contains(w.Body.String(), "Công ty Cát Hải") {
			t.Errorf("form 01: %d", w.Code)
		}
		if w := e.Do("officer31", "GET", "/dossiers/"+d.Code+"/forms/02", "", nil); w.Code != 404 {
			t.Errorf("form 02 without a supplement request: %d", w.Code)
		}
		if w := e.Do("officer31", "POST", "/api/v1/dossiers/"+d.Code+"/apology", "application/json", []byte(`{"new_due":"2027-01-15","reason":"Chờ ý kiến"}`)); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"apology_due":"2027-01-15T10:00:00Z"`) {
			t.Errorf("apology: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "GET", "/dossiers/"+d.Code+"/forms/04", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Chờ ý kiến") {
			t.Errorf("form 04: %d", w.Code)
		}
		for _, step := range []string{`{"action":"assign","handler":"officer31"}`, `{"action":"forward"}`} {
			if w := e.Do("officer31", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(step)); w.Code != 200 {
				t.Fatalf("%s: %d %s", step, w.Code, w.Body)
			}
		}
		w = e.Do("leader31", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(`{"action":"approve"}`))
		var approved struct {
			ResultNumber string `json:"result_number"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &approved); w.Code != 200 || err != nil || approved.ResultNumber == "" {
			t.Fatalf("approve: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "GET", "/dossiers/"+d.Code+"/forms/result", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), approved.ResultNumber) ||
			!strings.Contains(w.Body.String(), "VĂN BẢN XÁC NHẬN ĐĂNG KÝ THỰC HIỆN KHUYẾN MẠI") {
			t.Errorf("the result document: %d", w.Code)
		}
		if w := e.Do("", "GET", "/api/v1/results?number="+url.QueryEscape(approved.ResultNumber), "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Công ty Cát Hải") {
			t.Errorf("verification: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/verify?number=9999/2026/SCT31", "", nil); w.Code != 404 {
			t.Errorf("an unknown number: %d", w.Code)
		}
	})
}

func TestDossierFilesAndScorecard(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		pdf := []byte("%PDF-1.7\n1 0 obj\n")
		ctype, body := webtest.MultipartForm(t, []string{"dossier", `{"procedure_code":"CT-THUOCLA-BANLE","unit_code":"11560","applicant":{"name":"Công ty Thủy Nguyên","phone":"0912345678"},
			"form":{"tax_code":"0100233488","business_address":"Số 1"}}`}, webtest.FormFile{Name: "don-de-nghi.pdf", Content: pdf})
		w := e.Do("owner", "POST", "/api/v1/dossiers", ctype, body)
		var d struct {
			Code  string `json:"code"`
			Files []struct {
				ID int64 `json:"id"`
			} `json:"files"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &d); w.Code != 201 || err != nil || len(d.Files) != 1 {
			t.Fatalf("filing with a paper: %d %s", w.Code, w.Body)
		}
		file := "/api/v1/dossiers/" + d.Code + "/files/" + strconv.FormatInt(d.Files[0].ID, 10)
		if w := e.Do("thuynguyen", "GET", file, "", nil); w.Code != 200 || !bytes.Equal(w.Body.Bytes(), pdf) || w.Header().Get("Content-Type") != "application/pdf" {
			t.Errorf("the desk reads the paper: %d %v", w.Code, w.Header())
		}
		if w := e.Do("cathai", "GET", file, "", nil); w.Code != 404 {
			t.Errorf("another commune reads the paper: %d", w.Code)
		}
		ctype, bad := webtest.MultipartForm(t, []string{"dossier", `{"procedure_code":"CT-THUOCLA-BANLE","unit_code":"11560","applicant":{"name":"X","phone":"0912345678"},"form":{"tax_code":"1","business_address":"1"}}`},
			webtest.FormFile{Name: "virus.exe", Content: []byte("MZ\x90\x00\x03")})
		if w := e.Do("owner", "POST", "/api/v1/dossiers", ctype, bad); w.Code != 400 || !strings.Contains(w.Body.String(), `"field":"file"`) {
			t.Errorf("an executable as a paper: %d %s", w.Code, w.Body)
		}
		period := time.Now().In(time.FixedZone("ICT", 7*3600)).Format("2006-01")
		if w := e.Do("thuynguyen", "GET", "/api/v1/scorecards?unit=11560&period="+period, "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"unit":"11560"`) {
			t.Errorf("scorecard: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/scorecards?unit=11560&period="+period, "", nil); w.Code != 401 {
			t.Errorf("the public's scorecard: %d", w.Code)
		}
		if w := e.Do("thuynguyen", "GET", "/api/v1/scorecards/export.xlsx?unit=11560&period="+period, "", nil); w.Code != 200 {
			t.Errorf("scorecard workbook: %d", w.Code)
		}
	})
}

func TestSupplementWithPapers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("owner", "POST", "/api/v1/dossiers", "application/json", []byte(`{"procedure_code":"CT-THUOCLA-BANLE","unit_code":"11560",
			"applicant":{"name":"Công ty Thủy Nguyên","phone":"0912345678"},"form":{"tax_code":"0100233488","business_address":"Số 1"}}`))
		var d struct {
			Code string `json:"code"`
		}
		json.Unmarshal(w.Body.Bytes(), &d)
		for _, step := range []string{`{"action":"receive"}`, `{"action":"assign","handler":"thuynguyen"}`, `{"action":"request_supplement","note":"Thiếu bản sao"}`} {
			if w := e.Do("thuynguyen", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(step)); w.Code != 200 {
				t.Fatalf("%s: %d %s", step, w.Code, w.Body)
			}
		}
		ctype, body := webtest.MultipartForm(t, []string{"step", `{"action":"supplement","note":"Đã bổ sung"}`}, webtest.FormFile{Name: "ban-sao.pdf", Content: []byte("%PDF-1.4\n")})
		if w := e.Do("owner", "POST", "/api/v1/dossiers/"+d.Code+"/events", ctype, body); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"status":"processing"`) {
			t.Fatalf("supplement with a paper: %d %s", w.Code, w.Body)
		}
		if w := e.Do("thuynguyen", "GET", "/api/v1/dossiers/"+d.Code, "", nil); !strings.Contains(w.Body.String(), `"file_name":"ban-sao.pdf"`) {
			t.Errorf("the supplement's paper on the dossier: %s", w.Body)
		}
	})
}

func TestAgenciesAndTemplates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("officer31", "PUT", "/api/v1/agencies/31", "application/json", []byte(`{"code":"H31.17"}`)); w.Code != 403 {
			t.Errorf("an officer setting the identifier: %d", w.Code)
		}
		if w := e.Do("admin", "PUT", "/api/v1/agencies/31", "application/json", []byte(`{"code":"31-SCT"}`)); w.Code != 400 {
			t.Errorf("a malformed identifier: %d", w.Code)
		}
		if w := e.Do("admin", "PUT", "/api/v1/agencies/31", "application/json", []byte(`{"code":"h31.17"}`)); w.Code != 204 {
			t.Fatalf("identifier: %d %s", w.Code, w.Body)
		}
		filing := `{"procedure_code":"CT-KM-MAYRUI","unit_code":"31","applicant":{"name":"Công ty","phone":"0912345678"},
			"form":{"tax_code":"0100233488","start_date":"2026-12-01","end_date":"2026-12-31"}}`
		if w := e.Do("owner", "POST", "/api/v1/dossiers", "application/json", []byte(filing)); w.Code != 201 || !strings.Contains(w.Body.String(), `"code":"H31.17-`) {
			t.Errorf("the dossier code begins with the identifier: %d %s", w.Code, w.Body)
		}
		ctype, body := webtest.MultipartForm(t, nil, webtest.FormFile{Name: "mau-01.pdf", Content: []byte("%PDF-1.4\nmẫu đơn\n")})
		if w := e.Do("officer31", "POST", "/api/v1/procedures/CT-KM-MAYRUI/templates", ctype, body); w.Code != 403 {
			t.Errorf("an officer uploading a form: %d", w.Code)
		}
		if w := e.Do("admin", "POST", "/api/v1/procedures/CT-KM-MAYRUI/templates", ctype, body); w.Code != 201 {
			t.Fatalf("upload: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/procedures/CT-KM-MAYRUI/templates/mau-01.pdf", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "mẫu đơn") {
			t.Errorf("download: %d", w.Code)
		}
		if w := e.Do("", "GET", "/procedures/CT-KM-MAYRUI", "", nil); !strings.Contains(w.Body.String(), "mau-01.pdf") {
			t.Errorf("the form on the procedure's page")
		}
	})
}
