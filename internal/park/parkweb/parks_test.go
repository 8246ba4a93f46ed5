package parkweb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"congthuong"
	"congthuong/internal/park/parkdb"

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
			"?max_port_km=3,5":    `"total":1`,
			"?max_airport_km=50":  `"total":0`,
			"?max_highway_km=-1":  `"field":"max_highway_km"`,
			"?max_rent_usd=cheap": `"field":"max_rent_usd"`,
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
		pdf := append([]byte("%PDF-1.4\n"), make([]byte, 2048)...)
		ctype, body = webtest.MultipartForm(t, []string{"kind", "document", "title", "Quy hoạch chi tiết"}, webtest.FormFile{Name: "qh.pdf", Content: pdf})
		if w := e.Do("officer31", "POST", "/api/v1/parks/KCN-DINHVU/files", ctype, body); w.Code != 201 {
			t.Fatalf("attach a document: %d %s", w.Code, w.Body)
		}
		page := e.Do("", "GET", "/parks/KCN-DINHVU", "", nil).Body.String()
		if !strings.Contains(page, `alt="Cổng chính"`) || !strings.Contains(page, `<a href="/api/v1/parks/KCN-DINHVU/files/`+strconv.FormatInt(f.ID, 10)+`"><img`) {
			t.Errorf("the photo on the site's page, opening full size")
		}
		if docs := webtest.Between(page, `id="park-documents"`, "</ul>"); !strings.Contains(docs, "Quy hoạch chi tiết</a> <span class=\"muted\">(PDF, 2 KB)") {
			t.Errorf("the document's kind and size: %s", docs)
		}
		if w := e.Do("officer31", "DELETE", "/api/v1/parks/KCN-DINHVU/files/"+strconv.FormatInt(f.ID, 10), "", nil); w.Code != 204 {
			t.Errorf("delete: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/parks/KCN-DINHVU/files/"+strconv.FormatInt(f.ID, 10), "", nil); w.Code != 404 {
			t.Errorf("after delete: %d", w.Code)
		}
		if page := e.Do("", "GET", "/parks/KCN-DINHVU", "", nil).Body.String(); strings.Contains(page, `alt="Cổng chính"`) {
			t.Errorf("the public's page still shows the deleted photo")
		}
	})
}

// TestSitePageForInvestors: a site page hides what is unknown, writes days
// in the reader's format, and says where its occupancy comes from: the
// site's report while no tenant is recorded, the tenants' land after;
// sectors are named, their codes on hover.
func TestSitePageForInvestors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 201 {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		page := e.Do("", "GET", "/parks/KCN-DINHVU", "", nil).Body.String()
		if !strings.Contains(page, `id="occupancy-reported"`) || strings.Contains(page, "Trang web") {
			t.Errorf("the site page: reported occupancy not said, or an empty website row shown")
		}
		if d := webtest.Between(page, `id="park-decision"`, "</dd>"); strings.Contains(d, "-01-") {
			t.Errorf("the decision's day is not in the reader's format: %q", d)
		}
		sheet := e.Do("", "GET", "/parks/KCN-DINHVU/sheet", "", nil).Body.String()
		if !strings.Contains(sheet, `<svg class="locator"`) || !strings.Contains(sheet, `class="home"`) || !strings.Contains(sheet, "Thành phố Hải Phòng") ||
			!strings.Contains(sheet, "60,25 ha") || strings.Count(sheet, `class="neighbour"`) < 1 {
			t.Errorf("the one-page sheet lacks its map, place or free land")
		}
		tenant := `{"tax_code":"0314409058","project":"Kho lạnh","sector":"H52","leased_ha":20,"status":"operating"}`
		if w := e.Do("officer31", "POST", "/api/v1/parks/KCN-DINHVU/tenants", "application/json", []byte(tenant)); w.Code != 201 {
			t.Fatalf("tenant: %d %s", w.Code, w.Body)
		}
		page = e.Do("", "GET", "/parks/KCN-DINHVU", "", nil).Body.String()
		if !strings.Contains(page, `<span title="VSIC C24">Sản xuất kim loại</span>`) || !strings.Contains(page, `<span title="VSIC H52">Kho bãi và các hoạt động hỗ trợ cho vận tải</span>`) {
			t.Errorf("sectors are not named, with their codes on hover:\n%s", webtest.Between(page, `id="park-sectors"`, "</dd>"))
		}
		if strings.Contains(page, `id="occupancy-reported"`) || !strings.Contains(page, "tính từ diện tích của 1 doanh nghiệp thứ cấp") {
			t.Errorf("the occupancy computed from tenants is not said:\n%s", webtest.Between(page, `id="park-land"`, "</dl>"))
		}
	})
}

// TestRegisterInterest: an investor registers interest from a site's page
// and is acknowledged by e-mail; a program is turned away without a
// trace; the department sees the lead, counts it, takes it and records
// how it goes; a commune of another province sees none of it.
func TestRegisterInterest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 201 {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		form := e.Do("", "GET", "/parks/KCN-DINHVU/interest", "", nil).Body.String()
		at, sig := find(form, `name="at" value="(\d+)"`), find(form, `name="sig" value="([0-9a-f]+)"`)
		if at == "" || sig == "" {
			t.Fatalf("the form carries no stamp")
		}
		send := func(fields url.Values) *httptest.ResponseRecorder {
			return e.Do("", "POST", "/parks/KCN-DINHVU/interest", "application/x-www-form-urlencoded", []byte(fields.Encode()))
		}
		// Sent at once after it was shown: a program, answered as if sent.
		bot := url.Values{"at": {at}, "sig": {sig}, "name": {"Bot"}, "email": {"bot@example.com"}}
		if w := send(bot); w.Code != 200 || !strings.Contains(w.Body.String(), `id="interest-sent"`) {
			t.Errorf("a program: %d", w.Code)
		}
		later := time.Now().Add(time.Minute)
		st.DB.Now = func() time.Time { return later }
		bad := url.Values{"at": {at}, "sig": {sig}, "name": {""}, "email": {"không-phải-thư"}, "land_ha": {"năm"}, "sector": {"Điện tử"}}
		if w := send(bad); w.Code != 422 || !strings.Contains(w.Body.String(), `id="land_ha-error"`) || !strings.Contains(w.Body.String(), `value="Điện tử"`) {
			t.Errorf("a refused form: %d", w.Code)
		}
		bad.Set("land_ha", "5,5")
		if w := send(bad); w.Code != 422 || !strings.Contains(w.Body.String(), `id="name-error"`) || !strings.Contains(w.Body.String(), `id="email-error"`) {
			t.Errorf("a form without name and e-mail: %d", w.Code)
		}
		good := url.Values{"at": {at}, "sig": {sig}, "name": {"Nguyễn Văn An"}, "organisation": {"Công ty Linh kiện An Phát"}, "email": {"An@Example.com"},
			"land_ha": {"5,5"}, "sector": {"Linh kiện điện tử"}, "message": {"Cần điện 3 MW."}}
		w := send(good)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `id="interest-sent"`) {
			t.Fatalf("the investor's interest: %d %s", w.Code, w.Body)
		}
		mails, err := st.Outbox(congthuong.NewContext(context.Background(), congthuong.System()), 10)
		if err != nil || len(mails) != 1 || mails[0].To != "an@example.com" || !strings.Contains(mails[0].Subject, "Khu công nghiệp Đình Vũ") {
			t.Errorf("the acknowledgement: %+v %v", mails, err)
		}

		if w := e.Do("", "GET", "/leads", "", nil); w.Code != 303 && w.Code != 401 && w.Code != 403 {
			t.Errorf("the public reading leads: %d", w.Code)
		}
		if body := e.Do("officer01", "GET", "/leads", "", nil).Body.String(); !strings.Contains(body, `id="leads-empty"`) {
			t.Errorf("Hà Nội sees Hải Phòng's leads")
		}
		list := e.Do("officer31", "GET", "/leads", "", nil).Body.String()
		if !strings.Contains(list, "Nguyễn Văn An") || !strings.Contains(e.Do("officer31", "GET", "/", "", nil).Body.String(), `href="/leads?status=new"`) {
			t.Fatalf("the department does not see the lead:\n%s", webtest.Between(list, "<main", "</main>"))
		}
		id := find(list, `href="/leads/(\d+)"`)
		page := e.Do("officer31", "GET", "/leads/"+id, "", nil).Body.String()
		version := find(page, `name="version" value="(\d+)"`)
		step := url.Values{"version": {version}, "status": {"contacted"}, "owner": {""}, "note": {"Đã gọi điện."}, "take": {"1"}}
		if w := e.Do("officer31", "POST", "/leads/"+id, "application/x-www-form-urlencoded", []byte(step.Encode())); w.Code != 303 {
			t.Fatalf("follow-up: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "POST", "/leads/"+id, "application/x-www-form-urlencoded", []byte(step.Encode())); w.Code != 409 ||
			!strings.Contains(w.Body.String(), "Đã gọi điện.") {
			t.Errorf("a stale follow-up: %d", w.Code)
		}
		leads, _, err := st.Parks.Leads(storetest.As(storetest.HaiPhongOfficer), parkdb.LeadFilter{Status: "contacted"})
		if err != nil || len(leads) != 1 || leads[0].Owner != "officer31" || leads[0].LandHa == nil || *leads[0].LandHa != 5.5 {
			t.Errorf("the lead after follow-up: %+v %v", leads, err)
		}
	})
}

// find is the first group of pattern in s.
func find(s, pattern string) string {
	if m := regexp.MustCompile(pattern).FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// TestCompareWorkbook: the comparison downloads as a workbook, one column
// per site, attributes named in the reader's language, no codes.
func TestCompareWorkbook(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 201 {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		w := e.Do("", "GET", "/parks/compare.xlsx?code=KCN-DINHVU", "", nil)
		if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "PK") {
			t.Fatalf("compare.xlsx: %d", w.Code)
		}
		rows, err := excelRows(w.Body.Bytes())
		if err != nil || len(rows) < 10 || rows[0][1] != "Khu công nghiệp Đình Vũ" || rows[3][0] != "Địa bàn" || rows[3][1] != "Thành phố Hải Phòng" {
			t.Errorf("the workbook: %v %v", rows, err)
		}
		if w := e.Do("", "GET", "/parks/compare.xlsx?code=A&code=B&code=C&code=D&code=E", "", nil); w.Code != 400 {
			t.Errorf("five sites: %d", w.Code)
		}
	})
}

func excelRows(b []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetRows(f.GetSheetName(0))
}

// TestReportsTaskList: the half's reports are a list of tasks, counted by
// status, filtered, each opening its own page with only the forms the
// reader may use; staff approve a selection at once, and a selection
// holding a report that no longer awaits approval decides nothing.
func TestReportsTaskList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		site := `{"code":"CCN-R","kind":"cluster","name_vi":"Cụm R","unit_code":"11560","status":"operating","decision":{"number":"1/QĐ"},"planned_ha":50,"leasable_ha":40}`
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(site)); w.Code != 201 {
			t.Fatalf("site: %d %s", w.Code, w.Body)
		}
		var ids []string
		for _, tax := range []string{"0100233488", "0314409058"} {
			w := e.Do("officer31", "POST", "/api/v1/parks/CCN-R/tenants", "application/json", []byte(`{"tax_code":"`+tax+`","project":"Nhà máy `+tax+`","leased_ha":10,"status":"operating"}`))
			ids = append(ids, find(w.Body.String(), `"id":(\d+)`))
		}
		report := `{"site_code":"CCN-R","tenant_id":` + ids[0] + `,"year":2026,"half":2,"jobs":150,"capital_vnd":1,"leased_ha":10}`
		if w := e.Do("owner", "POST", "/api/v1/parks/reports", "application/json", []byte(report)); w.Code != 201 {
			t.Fatalf("the tenant files: %d %s", w.Code, w.Body)
		}
		list := e.Do("officer31", "GET", "/parks/reports?period=2026H2", "", nil).Body.String()
		if strings.Count(list, "<form") > 4 || !strings.Contains(list, `id="reports-counts"`) || strings.Count(list, `name="item"`) != 1 {
			t.Errorf("the list is not a task list: %d forms, %d selectable", strings.Count(list, "<form"), strings.Count(list, `name="item"`))
		}
		if body := e.Do("officer31", "GET", "/parks/reports?period=2026H2&status=missing", "", nil).Body.String(); !strings.Contains(body, "Nhà máy 0314409058") ||
			strings.Contains(body, "Nhà máy 0100233488") {
			t.Errorf("the filter by status")
		}
		page := e.Do("owner", "GET", "/parks/reports/CCN-R/"+ids[0]+"?period=2026H2", "", nil).Body.String()
		if !strings.Contains(page, `id="file-form"`) || strings.Contains(page, `id="decide-form"`) {
			t.Errorf("the tenant's report page offers the wrong forms")
		}
		if page := e.Do("officer31", "GET", "/parks/reports/CCN-R/"+ids[0]+"?period=2026H2", "", nil).Body.String(); !strings.Contains(page, `id="decide-form"`) {
			t.Errorf("the department's report page offers no decision")
		}
		stale := url.Values{"period": {"2026H2"}, "action": {"approve_selected"}, "item": {"CCN-R/" + ids[0], "CCN-R/" + ids[1]}}
		if w := e.Do("officer31", "POST", "/parks/reports", "application/x-www-form-urlencoded", []byte(stale.Encode())); w.Code != 409 {
			t.Errorf("a selection with a missing report: %d", w.Code)
		}
		if body := e.Do("officer31", "GET", "/parks/reports?period=2026H2&status=entered", "", nil).Body.String(); !strings.Contains(body, "Nhà máy 0100233488") {
			t.Errorf("a refused selection approved a report")
		}
		good := url.Values{"period": {"2026H2"}, "action": {"approve_selected"}, "item": {"CCN-R/" + ids[0]}}
		if w := e.Do("officer31", "POST", "/parks/reports", "application/x-www-form-urlencoded", []byte(good.Encode())); w.Code != 303 {
			t.Fatalf("approve the selection: %d %s", w.Code, w.Body)
		}
		if body := e.Do("officer31", "GET", "/parks/reports?period=2026H2&status=approved", "", nil).Body.String(); !strings.Contains(body, "Nhà máy 0100233488") ||
			strings.Contains(body, `id="approve-selected"`) {
			t.Errorf("the selection was not approved, or approval is offered with nothing to approve")
		}
	})
}

// TestPlotsAPI: a site's plots are replaced by a GeoJSON upload and read
// back as GeoJSON with their summary; the site page lists them and says how
// many are free.
func TestPlotsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 201 {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		plots := `{"type":"FeatureCollection","features":[` +
			`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.74,20.83],[106.75,20.83],[106.75,20.84],[106.74,20.83]]]},"properties":{"code":"A1","area_ha":12.5,"status":"vacant"}},` +
			`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.76,20.83],[106.77,20.83],[106.77,20.84],[106.76,20.83]]]},"properties":{"code":"A2","area_ha":4,"status":"reserved"}}]}`
		if w := e.Do("", "PUT", "/api/v1/parks/KCN-DINHVU/plots", "application/geo+json", []byte(plots)); w.Code != 401 {
			t.Errorf("the public replacing plots: %d", w.Code)
		}
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-DINHVU/plots", "application/geo+json", []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X"}}]}`)); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `"row":2`) {
			t.Errorf("a bad plot: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-DINHVU/plots", "application/geo+json", []byte(plots)); w.Code != 204 {
			t.Fatalf("replace plots: %d %s", w.Code, w.Body)
		}
		if page := e.Do("", "GET", "/parks/KCN-DINHVU", "", nil).Body.String(); !strings.Contains(page, `data-plots=`) || strings.Contains(page, "2 lô trống") {
			t.Errorf("the site page does not show its first plots")
		}
		w := e.Do("", "GET", "/api/v1/parks/KCN-DINHVU/plots", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"vacant_ha":12.5`) || !strings.Contains(w.Body.String(), `"code":"A2"`) {
			t.Errorf("plots: %d %s", w.Code, w.Body)
		}
		x := e.Do("", "GET", "/api/v1/parks/KCN-DINHVU/plots.xlsx", "", nil)
		if rows, err := excelRows(x.Body.Bytes()); x.Code != 200 || err != nil || len(rows) != 3 || rows[1][0] != "A1" || rows[1][2] != "vacant" {
			t.Errorf("plots.xlsx: %d %v %v", x.Code, rows, err)
		}
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-DINHVU/plots", "application/octet-stream", x.Body.Bytes()); w.Code != 204 {
			t.Errorf("the exported workbook does not read back: %d %s", w.Code, w.Body)
		}
		// The page takes a sheet in Vietnamese words; a wrong one is listed
		// row by row and changes nothing.
		ct, body := webtest.MultipartFile(t, "lo.csv", []byte("Lô,Tình trạng\nA2,còn trống\nB7,còn trống\n"), nil)
		if w := e.Do("officer31", "POST", "/parks/KCN-DINHVU/plots", ct, body); w.Code != 400 || !strings.Contains(w.Body.String(), "Lô B7 không có trên bản đồ quy hoạch") {
			t.Errorf("a plot not on the plan: %d", w.Code)
		}
		if w := e.Do("officer31", "GET", "/parks/KCN-DINHVU/plots", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Lô, Diện tích (ha), Tình trạng") {
			t.Errorf("the plots page: %d", w.Code)
		}
		if w := e.Do("", "GET", "/parks/KCN-DINHVU/plots", "", nil); w.Code == 200 {
			t.Errorf("the public sees the plots form")
		}
		ct, body = webtest.MultipartFile(t, "lo.csv", []byte("Lô,Tình trạng\nA2,còn trống\n"), nil)
		if w := e.Do("officer31", "POST", "/parks/KCN-DINHVU/plots", ct, body); w.Code != 303 {
			t.Errorf("a good sheet: %d %s", w.Code, w.Body)
		}
		page := e.Do("", "GET", "/parks/KCN-DINHVU", "", nil).Body.String()
		if !strings.Contains(page, `id="plots-disagree"`) {
			t.Errorf("plots that disagree with the site's free land are not pointed out")
		}
		if !strings.Contains(page, "theo các lô: 2 lô trống, 16,5 ha") || !strings.Contains(page, "2 lô, trong đó 2 lô còn trống (16,5 ha)") || !strings.Contains(page, `data-plots="/api/v1/parks/KCN-DINHVU/plots"`) {
			t.Errorf("the site page does not show its plots")
		}
	})
}
