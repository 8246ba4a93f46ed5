package commerceweb_test

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

func form(kv ...string) []byte {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return []byte(v.Encode())
}

const formType = "application/x-www-form-urlencoded"

// TestLicenceJourney: a commune officer records a licence on the form (a
// refused one keeps what was typed and names each field), finds it in the
// register, suspends it with a reason and lifts the suspension; another
// commune sees none of it; a citizen looks the shop up without accents and
// reads neither the holder's number nor the conditions.
func TestLicenceJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("", "GET", "/licences", "", nil); w.Code != 303 && w.Code != 401 {
			t.Errorf("the public opens the register: %d", w.Code)
		}
		page := e.Do("thuynguyen", "GET", "/licences/new", "", nil).Body.String()
		if strings.Contains(page, `value="alcohol_wholesale"`) || !strings.Contains(page, `value="tobacco_retail"`) {
			t.Errorf("a commune is offered the department's kinds, or not its own")
		}
		bad := form("kind", "tobacco_retail", "number", "", "holder_name", "Tạp hóa Minh Anh", "holder_id", "123", "address", "Số 5 Đà Nẵng",
			"unit_code", "11560", "issued_on", "2026-03-15")
		w := e.Do("thuynguyen", "POST", "/licences", formType, bad)
		body := w.Body.String()
		if w.Code != 400 || !strings.Contains(body, `id="number-error"`) || !strings.Contains(body, `id="holder_id-error"`) ||
			!strings.Contains(body, `value="Tạp hóa Minh Anh"`) || !strings.Contains(body, `class="error-summary"`) {
			t.Errorf("a refused form: %d", w.Code)
		}
		good := form("kind", "tobacco_retail", "number", "12/GP-UBND", "holder_name", "Hộ kinh doanh Tạp hóa Minh Anh", "holder_id", "031095001234",
			"holder_email", "minhanh@example.vn", "shop_name", "Tạp hóa Minh Anh", "address", "Số 5 đường Đà Nẵng", "unit_code", "11560",
			"lon", "106.68", "lat", "20.93", "issued_on", "2026-03-15", "conditions", "Diện tích bán 4 m²")
		w = e.Do("thuynguyen", "POST", "/licences", formType, good)
		if w.Code != 303 {
			t.Fatalf("record: %d %s", w.Code, w.Body)
		}
		loc := w.Header().Get("Location")
		page = e.Do("thuynguyen", "GET", loc, "", nil).Body.String()
		if !strings.Contains(page, "14/03/2031") || !strings.Contains(page, `id="decide-form"`) || !strings.Contains(page, "Ủy ban nhân dân") {
			t.Errorf("the licence's page: end, decisions or issuer missing")
		}
		if geo := e.Do("", "GET", "/api/v1/licences.geojson?unit=11560", "", nil); geo.Code != 200 || !strings.Contains(geo.Body.String(), `"coordinates":[106.68,20.93]`) ||
			strings.Contains(geo.Body.String(), "031095001234") {
			t.Errorf("the map of licensed premises: %d %s", geo.Code, geo.Body)
		}
		if reg := e.Do("thuynguyen", "GET", "/licences?q=minh+anh", "", nil).Body.String(); !strings.Contains(reg, "12/GP-UBND") {
			t.Errorf("the register does not find the licence")
		}
		if reg := e.Do("cathai", "GET", "/licences", "", nil).Body.String(); strings.Contains(reg, "12/GP-UBND") {
			t.Errorf("another commune's register shows it")
		}
		if w := e.Do("cathai", "GET", loc, "", nil); w.Code != 404 {
			t.Errorf("another commune opens it: %d", w.Code)
		}
		w = e.Do("thuynguyen", "POST", loc+"/decide", formType, form("version", "1", "action", "suspend", "on", "2026-11-02", "decision", "5/QĐ-UBND"))
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="note-error"`) || !strings.Contains(w.Body.String(), `value="5/QĐ-UBND"`) {
			t.Errorf("a suspension without reason: %d", w.Code)
		}
		w = e.Do("thuynguyen", "POST", loc+"/decide", formType, form("version", "1", "action", "suspend", "on", "2026-11-02", "decision", "5/QĐ-UBND", "note", "Bán cho người dưới 18 tuổi"))
		if w.Code != 303 {
			t.Fatalf("suspend: %d %s", w.Code, w.Body)
		}
		page = e.Do("thuynguyen", "GET", loc, "", nil).Body.String()
		if !strings.Contains(page, `id="licence-state">bị đình chỉ`) || !strings.Contains(page, "Chấm dứt đình chỉ") || strings.Contains(page, `value="renewed"`) {
			t.Errorf("a suspended licence's page: status or decisions")
		}
		public := e.Do("", "GET", "/licences/lookup?q=tap+hoa+minh+anh", "", nil).Body.String()
		if !strings.Contains(public, "Hộ kinh doanh Tạp hóa Minh Anh") || !strings.Contains(public, "bị đình chỉ") {
			t.Errorf("the public's lookup does not find the shop")
		}
		pub := e.Do("", "GET", loc, "", nil).Body.String()
		if strings.Contains(pub, "031095001234") || strings.Contains(pub, "minhanh@example.vn") || strings.Contains(pub, "Diện tích bán") ||
			strings.Contains(pub, "Bán cho người dưới 18 tuổi") || strings.Contains(pub, `id="decide-form"`) {
			t.Errorf("the public reads what is not public")
		}
		if geo := e.Do("", "GET", "/api/v1/licences.geojson?unit=11560", "", nil).Body.String(); strings.Contains(geo, "Minh Anh") {
			t.Errorf("a suspended licence is on the public's map")
		}
		if none := e.Do("", "GET", "/licences/lookup", "", nil).Body.String(); strings.Contains(none, "Minh Anh") {
			t.Errorf("the lookup lists the register without words")
		}
	})
}

// TestLicencesAPI: the API records, reads, decides and looks up, each
// answer checked against the OpenAPI document; the department records its
// own kinds; the public's lookup hides the citizen's number.
func TestLicencesAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		in := `{"kind":"alcohol_wholesale","number":"1/GP-SCT","holder_name":"Công ty Cổ phần Thủy Nguyên","holder_id":"0100233488",
			"address":"Lô 3 KCN Đình Vũ","unit_code":"11560","issued_on":"2025-01-05"}`
		if w := e.Do("thuynguyen", "POST", "/api/v1/licences", "application/json", []byte(in)); w.Code != 400 || !strings.Contains(w.Body.String(), `"field":"kind"`) {
			t.Errorf("a commune records the department's kind: %d %s", w.Code, w.Body)
		}
		w := e.Do("officer31", "POST", "/api/v1/licences", "application/json", []byte(in))
		var l struct {
			ID         int64  `json:"id"`
			ValidUntil string `json:"valid_until"`
			State      string `json:"state"`
			IssuerCode string `json:"issuer_code"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &l); w.Code != 201 || err != nil || l.ValidUntil != "2030-01-04" || l.State != "active" || l.IssuerCode != "31" {
			t.Fatalf("record: %d %s", w.Code, w.Body)
		}
		id := strings.TrimPrefix(w.Header().Get("Location"), "/api/v1/licences/")
		if w := e.Do("officer31", "POST", "/api/v1/licences/"+id+"/decisions", "application/json", []byte(`{"action":"revoke","on":"2026-01-05","decision":"2/QĐ-SCT","note":"Ngừng kinh doanh","version":1}`)); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `"state":"revoked"`) {
			t.Errorf("revoke: %d %s", w.Code, w.Body)
		}
		if w := e.Do("officer31", "POST", "/api/v1/licences/"+id+"/decisions", "application/json", []byte(`{"action":"reinstate","on":"2026-01-06","decision":"3","version":2}`)); w.Code != 409 {
			t.Errorf("a decision on a revoked licence: %d", w.Code)
		}
		if w := e.Do("officer31", "GET", "/api/v1/licences/"+id+"/history", "", nil); w.Code != 200 || strings.Count(w.Body.String(), `"action"`) != 2 {
			t.Errorf("history: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/licences/lookup?q=0100233488", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"total":1`) {
			t.Errorf("lookup: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/licences", "", nil); w.Code != 401 {
			t.Errorf("the public lists the register: %d", w.Code)
		}
		if w := e.Do("", "GET", "/api/v1/licence-kinds", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"tobacco_retail"`) {
			t.Errorf("kinds: %d", w.Code)
		}
	})
}

// TestLicenceFromDossierPage: an approved dossier's page offers to record
// its licence; the form comes drafted from the dossier; once recorded,
// the same link opens the licence.
func TestLicenceFromDossierPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		sys := storetest.As(congthuong.System())
		if _, err := st.SeedProcedures(sys, procedure.Catalogue()); err != nil {
			t.Fatal(err)
		}
		cal, err := st.Calendar(sys, calendar.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := storetest.TobaccoDossier()
		if err := st.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal); err != nil {
			t.Fatal(err)
		}
		leader := congthuong.Actor{UserID: 40, Username: "chutich", Role: congthuong.RoleLeader, UnitCode: "11560", ProvinceCode: "31"}
		for _, step := range []struct {
			who    congthuong.Actor
			action procedure.Action
		}{{storetest.ThuyNguyen, procedure.Receive}, {storetest.ThuyNguyen, procedure.Assign}, {storetest.ThuyNguyen, procedure.Forward}, {leader, procedure.Approve}} {
			if _, err := st.StepDossier(storetest.As(step.who), d.Code, proceduredb.DossierStep{Action: step.action, Note: "Đủ điều kiện", Handler: "thuynguyen"}, cal); err != nil {
				t.Fatalf("%s: %v", step.action, err)
			}
		}
		page := e.Do("thuynguyen", "GET", "/dossiers/"+d.Code, "", nil).Body.String()
		if !strings.Contains(page, `href="/licences/new?dossier=`+d.Code+`"`) {
			t.Fatalf("the approved dossier does not offer to record its licence")
		}
		form := e.Do("thuynguyen", "GET", "/licences/new?dossier="+d.Code, "", nil).Body.String()
		if !strings.Contains(form, `id="from-dossier"`) || !strings.Contains(form, `value="Công ty Cổ phần Thủy Nguyên"`) || !strings.Contains(form, `value="Số 1 Thủy Nguyên"`) {
			t.Errorf("the form is not drafted from the dossier")
		}
		l, err := st.Commerce.LicenceFromDossier(storetest.As(storetest.ThuyNguyen), d.Code)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Commerce.CreateLicence(storetest.As(storetest.ThuyNguyen), l); err != nil {
			t.Fatal(err)
		}
		if w := e.Do("thuynguyen", "GET", "/licences/new?dossier="+d.Code, "", nil); w.Code != 303 || w.Header().Get("Location") != "/licences/"+strconv.FormatInt(l.ID, 10) {
			t.Errorf("the recorded licence does not open: %d %s", w.Code, w.Header().Get("Location"))
		}
	})
}

// TestLicencesImportExport: the import page lists every wrong row and
// records nothing; a good file is recorded; the register downloads as a
// workbook that imports back, row for row, into another province's empty
// register only after its numbers are freed — here checked by a dry run
// naming every number as taken.
func TestLicencesImportExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		head := "kind,number,holder_name,address,unit_code,issued_on\n"
		ct, body := webtest.MultipartFile(t, "so-cu.csv", []byte(head+"tobacco_retail,1/GP-UBND,Hộ A,Số 1,11560,05/01/2026\ntobacco_retail,,Hộ B,,11560,32/01/2026\n"), nil)
		w := e.Do("thuynguyen", "POST", "/licences/import", ct, body)
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="import-problems"`) || strings.Count(w.Body.String(), "<td class=\"num\">3</td>") != 3 {
			t.Errorf("a wrong file: %d", w.Code)
		}
		ct, body = webtest.MultipartFile(t, "so-cu.csv", []byte(head+"tobacco_retail,1/GP-UBND,Hộ A,Số 1,11560,05/01/2026\ntobacco_retail,2/GP-UBND,Hộ B,Số 2,11560,06/01/2026\n"), nil)
		if w := e.Do("thuynguyen", "POST", "/licences/import", ct, body); w.Code != 200 || !strings.Contains(w.Body.String(), `id="import-result"`) {
			t.Fatalf("a good file: %d %s", w.Code, w.Body)
		}
		x := e.Do("thuynguyen", "GET", "/api/v1/licences/export.xlsx", "", nil)
		if x.Code != 200 || x.Body.Len() == 0 {
			t.Fatalf("export: %d", x.Code)
		}
		w = e.Do("thuynguyen", "POST", "/api/v1/licences/import?dry_run=true", "application/octet-stream", x.Body.Bytes())
		if w.Code != 400 || strings.Count(w.Body.String(), `"field":"number"`) != 2 {
			t.Errorf("the export read back: %d %s", w.Code, w.Body)
		}
		sum := e.Do("officer31", "GET", "/licences/summary", "", nil).Body.String()
		if !strings.Contains(webtest.Between(sum, `id="summary-communes"`, "</table>"), "Thủy Nguyên") || !strings.Contains(sum, `<strong>2</strong>`) {
			t.Errorf("the department's summary does not roll the commune's register up")
		}
		if sum := e.Do("cathai", "GET", "/licences/summary", "", nil).Body.String(); strings.Contains(sum, "Thủy Nguyên</a>") {
			t.Errorf("another commune's summary counts Thủy Nguyên")
		}
		if w := e.Do("cathai", "GET", "/api/v1/licences/export.xlsx", "", nil); w.Code != 200 || w.Body.Len() == 0 {
			t.Errorf("another commune's export: %d", w.Code)
		}
		if w := e.Do("", "GET", "/api/v1/licences/export.xlsx", "", nil); w.Code != 401 {
			t.Errorf("the public's export: %d", w.Code)
		}
	})
}
