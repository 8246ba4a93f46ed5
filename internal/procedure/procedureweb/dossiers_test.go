package procedureweb_test

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
		// The public's list, read before the catalogue changes, shows the
		// change after it (the page and the API are kept for the public).
		for _, path := range []string{"/procedures?q=kinh+doanh+mau", "/api/v1/procedures?q=kinh+doanh+mau"} {
			if w := e.Do("", "GET", path, "", nil); w.Code != 200 || strings.Contains(w.Body.String(), "CT-MAU") {
				t.Errorf("%s before: %d", path, w.Code)
			}
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
		for _, path := range []string{"/procedures?q=kinh+doanh+mau", "/api/v1/procedures?q=kinh+doanh+mau"} {
			if w := e.Do("", "GET", path, "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "CT-MAU") {
				t.Errorf("%s after the change: %d", path, w.Code)
			}
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
		for _, step := range []string{`{"action":"receive"}`, `{"action":"assign","handler":"thuynguyen"}`, `{"action":"request_supplement","message":"Thiếu bản sao"}`} {
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
