package commerceweb_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestMarketPages: a commune records its market on the form (a refused
// one keeps what was typed and names each field), the class follows the
// points, a conversion of who runs it is kept; another commune cannot
// change it; anyone reads it, the counts by class and the GeoJSON with
// its OpenStreetMap tags.
func TestMarketPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		bad := form("name", "Chợ Núi Đèo", "unit_code", "11560", "method", "everyday", "capital", "state", "operator", "board",
			"points", "450", "occupied", "500", "opening_hours", "sáng")
		w := e.Do("thuynguyen", "POST", "/markets", formType, bad)
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="occupied-error"`) || !strings.Contains(w.Body.String(), `id="opening_hours-error"`) ||
			!strings.Contains(w.Body.String(), `value="500"`) {
			t.Errorf("a refused market: %d", w.Code)
		}
		good := form("name", "Chợ Núi Đèo", "unit_code", "11560", "method", "everyday", "capital", "state", "operator", "board",
			"points", "450", "occupied", "420", "land_m2", "8.000", "permanent", "on", "opening_hours", "Mo-Su 05:00-19:00", "lon", "106.67", "lat", "20.92")
		w = e.Do("thuynguyen", "POST", "/markets", formType, good)
		if w.Code != 303 {
			t.Fatalf("record: %d %s", w.Code, w.Body)
		}
		loc := w.Header().Get("Location")
		if page := e.Do("", "GET", loc, "", nil).Body.String(); !strings.Contains(page, "hạng 1") || !strings.Contains(page, "8.000 m²") {
			t.Errorf("the market's page: class or land")
		}
		conv := form("version", "1", "name", "Chợ Núi Đèo", "unit_code", "11560", "method", "everyday", "capital", "mixed", "operator", "enterprise",
			"operator_name", "Công ty Cổ phần Thủy Nguyên", "points", "450", "occupied", "420", "land_m2", "8000", "permanent", "on",
			"lon", "106.67", "lat", "20.92")
		if w := e.Do("cathai", "POST", loc, formType, conv); w.Code != 400 {
			t.Errorf("another commune changes the market: %d", w.Code)
		}
		if w := e.Do("thuynguyen", "POST", loc, formType, conv); w.Code != 303 {
			t.Fatalf("convert: %d %s", w.Code, w.Body)
		}
		// The same form sent again is stale: what was typed stays, with the
		// market's version now, so that sending it once more is a choice.
		stale := e.Do("thuynguyen", "POST", loc, formType, conv)
		if body := stale.Body.String(); stale.Code != 409 || !strings.Contains(body, `value="Công ty Cổ phần Thủy Nguyên"`) ||
			!strings.Contains(body, `name="version" value="2"`) || !strings.Contains(body, "Người khác vừa thay đổi") {
			t.Errorf("a stale form: %d", stale.Code)
		}
		if page := e.Do("", "GET", loc, "", nil).Body.String(); !strings.Contains(webtest.Between(page, `id="market-history"`, "</ul>"), "từ ban quản lý chợ sang doanh nghiệp") {
			t.Errorf("the conversion is not kept")
		}
		if sum := e.Do("thuynguyen", "GET", "/markets/summary", "", nil).Body.String(); !strings.Contains(webtest.Between(sum, `id="markets-summary-table"`, "</table>"), "Thủy Nguyên") {
			t.Errorf("the counts by commune")
		}
		if sum := e.Do("thuynguyen", "GET", "/markets/summary", "", nil).Body.String(); strings.Contains(sum, `id="publish-figures"`) {
			t.Errorf("a commune is offered to write the statistics")
		}
		if w := e.Do("thuynguyen", "POST", "/markets/summary/publish", formType, nil); w.Code != 403 {
			t.Errorf("a commune writes the statistics: %d", w.Code)
		}
		if sum := e.Do("officer31", "GET", "/markets/summary", "", nil).Body.String(); !strings.Contains(sum, `id="publish-figures"`) {
			t.Errorf("the department is not offered to write the statistics")
		}
		if w := e.Do("officer31", "POST", "/markets/summary/publish", formType, nil); w.Code != 303 {
			t.Fatalf("write the statistics: %d %s", w.Code, w.Body)
		}
		now := st.Now().In(congthuong.Location)
		if v, err := st.UnitValues(context.Background(), "MARKETS_CLASS1", stats.MonthOf(now.Year(), int(now.Month())), "11560"); err != nil || len(v) != 1 || v[0].Value != 1 {
			t.Errorf("the commune's class 1 markets in the statistics: %+v %v", v, err)
		}
		geo := e.Do("", "GET", "/api/v1/markets.geojson?province=31", "", nil)
		if geo.Code != 200 || !strings.Contains(geo.Body.String(), `"amenity":"marketplace"`) || !strings.Contains(geo.Body.String(), `"class":1`) {
			t.Errorf("GeoJSON: %d %s", geo.Code, geo.Body)
		}
	})
}

// TestMarketsImportExport: a wrong list is listed row by row and writes
// nothing; a good one is recorded; the export reads back, every name then
// already recorded.
func TestMarketsImportExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		head := "Tên chợ,Mã xã,Loại hình chợ,Nguồn vốn,Đơn vị quản lý,Số điểm kinh doanh\n"
		ct, body := webtest.MultipartFile(t, "cho.csv", []byte(head+"Chợ A,11560,chợ dân sinh,ngân sách,ban quản lý,120\nChợ B,11914,chợ đêm,hỗn hợp,doanh nghiệp,80\n"), nil)
		if w := e.Do("thuynguyen", "POST", "/markets/import", ct, body); w.Code != 400 || !strings.Contains(w.Body.String(), `id="import-problems"`) {
			t.Errorf("another commune's market in the list: %d", w.Code)
		}
		ct, body = webtest.MultipartFile(t, "cho.csv", []byte(head+"Chợ A,11560,chợ dân sinh,ngân sách,ban quản lý,120\nChợ B,11560,chợ đêm,hỗn hợp,doanh nghiệp,80\n"), nil)
		if w := e.Do("thuynguyen", "POST", "/markets/import", ct, body); w.Code != 200 || !strings.Contains(w.Body.String(), `id="import-result"`) {
			t.Fatalf("a good list: %d %s", w.Code, w.Body)
		}
		x := e.Do("", "GET", "/api/v1/markets/export.xlsx?province=31", "", nil)
		if x.Code != 200 || x.Body.Len() == 0 {
			t.Fatalf("export: %d", x.Code)
		}
		w := e.Do("thuynguyen", "POST", "/api/v1/markets/import?dry_run=true", "application/octet-stream", x.Body.Bytes())
		if w.Code != 400 || strings.Count(w.Body.String(), `"field":"name"`) != 2 {
			t.Errorf("the export read back: %d %s", w.Code, w.Body)
		}
	})
}

// TestRetailPages: a commune records a supermarket (a refused one keeps
// what was typed), another commune cannot change it, anyone reads the
// list with its class under each scheme, and the GeoJSON carries its
// OpenStreetMap tags.
func TestRetailPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("thuynguyen", "POST", "/retail", formType, form("name", "", "kind", "supermarket", "assortment", "general", "unit_code", "11560", "area_m2", "nhiều"))
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="area_m2-error"`) || !strings.Contains(w.Body.String(), `value="nhiều"`) {
			t.Errorf("a refused store: %d", w.Code)
		}
		good := form("name", "Siêu thị Thủy Nguyên", "kind", "supermarket", "assortment", "general", "unit_code", "11560", "area_m2", "2.400",
			"items", "12000", "chain", "Chuỗi mẫu", "lon", "106.68", "lat", "20.93")
		if w := e.Do("thuynguyen", "POST", "/retail", formType, good); w.Code != 303 {
			t.Fatalf("record: %d %s", w.Code, w.Body)
		}
		list := e.Do("", "GET", "/retail", "", nil).Body.String()
		if !strings.Contains(list, "Siêu thị Thủy Nguyên") || !strings.Contains(webtest.Between(list, `id="retail-table"`, "</table>"), "hạng 2") {
			t.Errorf("the public list and its class")
		}
		items, _, err := st.Commerce.ListRetailStores(storetest.As(storetest.ThuyNguyen), commercedb.PlaceFilter{Province: "31"})
		if err != nil || len(items) != 1 {
			t.Fatalf("stores: %v %v", items, err)
		}
		id := strconv.FormatInt(items[0].ID, 10)
		if w := e.Do("cathai", "POST", "/retail/"+id, formType, append(good, []byte("&version=1")...)); w.Code != 400 {
			t.Errorf("another commune changes the store: %d", w.Code)
		}
		geo := e.Do("", "GET", "/api/v1/retail.geojson?province=31", "", nil)
		if geo.Code != 200 || !strings.Contains(geo.Body.String(), `"shop":"supermarket"`) || !strings.Contains(geo.Body.String(), `"brand":"Chuỗi mẫu"`) {
			t.Errorf("GeoJSON: %d %s", geo.Code, geo.Body)
		}
	})
}

// TestRetailImportExport: a list with a wrong kind and another commune's
// store is listed row by row and writes nothing; a good one, in a
// commune's words, is recorded; the export reads back, every name then
// already recorded.
func TestRetailImportExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		head := "Tên cửa hàng,Loại hình,Loại siêu thị,Mã xã,Diện tích kinh doanh (m2),Số tên hàng,Kinh độ,Vĩ độ\n"
		ct, body := webtest.MultipartFile(t, "ch.csv", []byte(head+"Siêu thị A,siêu thị,tổng hợp,11560,2.400,12000,106.68,20.93\nCửa hàng B,chợ,,11914,80,600,,\n"), nil)
		w := e.Do("thuynguyen", "POST", "/retail/import", ct, body)
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="import-problems"`) || !strings.Contains(w.Body.String(), "3") {
			t.Errorf("a wrong list: %d", w.Code)
		}
		if _, n, _ := st.Commerce.ListRetailStores(storetest.As(storetest.ThuyNguyen), commercedb.PlaceFilter{Province: "31"}); n != 0 {
			t.Errorf("a wrong list wrote %d stores", n)
		}
		ct, body = webtest.MultipartFile(t, "ch.csv", []byte(head+"Siêu thị A,siêu thị,tổng hợp,11560,2.400,12000,106.68,20.93\nCửa hàng B,cửa hàng tiện lợi,,11560,80,600,,\n"), nil)
		if w := e.Do("thuynguyen", "POST", "/retail/import", ct, body); w.Code != 200 || !strings.Contains(w.Body.String(), `id="import-result"`) {
			t.Fatalf("a good list: %d %s", w.Code, w.Body)
		}
		items, n, err := st.Commerce.ListRetailStores(storetest.As(storetest.ThuyNguyen), commercedb.PlaceFilter{Province: "31"})
		if err != nil || n != 2 || items[0].Kind == items[1].Kind {
			t.Fatalf("recorded: %d %v", n, err)
		}
		ct, body = webtest.MultipartFile(t, "ch.csv", []byte(head+"SIÊU THỊ A,siêu thị,tổng hợp,11560,2.400,12000,,\n"), nil)
		if w := e.Do("thuynguyen", "POST", "/retail/import", ct, body); w.Code != 400 || !strings.Contains(w.Body.String(), "SIÊU THỊ A") {
			t.Errorf("a recorded name written otherwise: %d", w.Code)
		}
		x := e.Do("", "GET", "/api/v1/retail/export.xlsx?province=31", "", nil)
		if x.Code != 200 || x.Body.Len() == 0 {
			t.Fatalf("export: %d", x.Code)
		}
		w = e.Do("thuynguyen", "POST", "/api/v1/retail/import?dry_run=true", "application/octet-stream", x.Body.Bytes())
		if w.Code != 400 || strings.Count(w.Body.String(), `"field":"name"`) != 2 {
			t.Errorf("the export read back: %d %s", w.Code, w.Body)
		}
	})
}

// TestOSMImport: a commune takes the marketplaces of an OpenStreetMap
// file (the shop in it left out and counted) with what the map does not
// say chosen once; the register's own GeoJSON read back names each
// market as already recorded; a file that is not GeoJSON is refused by
// its field.
func TestOSMImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if page := e.Do("thuynguyen", "GET", "/markets/osm", "", nil); page.Code != 200 || !strings.Contains(page.Body.String(), `id="osm-form"`) {
			t.Fatalf("the form: %d", page.Code)
		}
		geo := `{"type":"FeatureCollection","features":[
		 {"type":"Feature","geometry":{"type":"Point","coordinates":[106.68,20.93]},"properties":{"amenity":"marketplace","name":"Chợ Núi Đèo","opening_hours":"Mo-Su 05:00-19:00"}},
		 {"type":"Feature","geometry":{"type":"Point","coordinates":[106.69,20.94]},"properties":{"amenity":"marketplace","name":"Chợ Bến"}},
		 {"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,20.9]},"properties":{"shop":"convenience","name":"Cửa hàng 24h"}}]}`
		ct, body := webtest.MultipartFile(t, "cho.geojson", []byte(geo), map[string]string{"unit_code": "11560", "method": "everyday", "capital": "mixed", "operator": "board"})
		w := e.Do("thuynguyen", "POST", "/markets/osm", ct, body)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `id="import-result"`) || !strings.Contains(w.Body.String(), `id="osm-skipped"`) {
			t.Fatalf("the map's markets: %d %s", w.Code, w.Body)
		}
		items, n, err := st.Commerce.ListMarkets(storetest.As(storetest.ThuyNguyen), commercedb.PlaceFilter{UnitCode: "11560"})
		if err != nil || n != 2 || items[0].Capital != "mixed" || items[0].Lon == nil {
			t.Fatalf("recorded: %d %v", n, err)
		}
		own := e.Do("", "GET", "/api/v1/markets.geojson?province=31", "", nil)
		ct, body = webtest.MultipartFile(t, "cho.geojson", own.Body.Bytes(), map[string]string{"method": "everyday", "capital": "state", "operator": "board"})
		if w := e.Do("thuynguyen", "POST", "/markets/osm", ct, body); w.Code != 400 || strings.Count(webtest.Between(w.Body.String(), `id="import-problems"`, "</table>"), "<tr") < 3 {
			t.Errorf("the register's own file read back: %d", w.Code)
		}
		ct, body = webtest.MultipartFile(t, "cho.csv", []byte("name\nA\n"), map[string]string{"unit_code": "11560"})
		if w := e.Do("thuynguyen", "POST", "/retail/osm", ct, body); w.Code != 400 || !strings.Contains(w.Body.String(), "GeoJSON") {
			t.Errorf("not GeoJSON: %d", w.Code)
		}
	})
}
