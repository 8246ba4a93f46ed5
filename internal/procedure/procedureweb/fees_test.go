package procedureweb_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestFees: the handler asks for a fee with its amount; the applicant's
// page shows it with a VietQR code that pays it, the dossier's code its
// reference; the desk records the payment and the receipt can be printed.
func TestFees(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		st.Procedures.FeeAccount = proceduredb.FeeAccount{BIN: "970415", Number: "0000123456789", Name: "SO CONG THUONG"}
		e := webtest.NewEnv(t, st)
		w := e.Do("owner", "POST", "/api/v1/dossiers", "application/json", []byte(`{"procedure_code":"CT-THUOCLA-BANLE","unit_code":"11560",
			"applicant":{"name":"Công ty Thủy Nguyên","phone":"0912345678"},"form":{"tax_code":"0100233488","business_address":"Số 1"}}`))
		var d struct {
			Code    string `json:"code"`
			Version int    `json:"version"`
		}
		json.Unmarshal(w.Body.Bytes(), &d)
		for _, step := range []string{`{"action":"receive"}`, `{"action":"assign","handler":"thuynguyen"}`} {
			if w := e.Do("thuynguyen", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(step)); w.Code != 200 {
				t.Fatalf("%s: %d %s", step, w.Code, w.Body)
			}
		}
		if w := e.Do("thuynguyen", "POST", "/api/v1/dossiers/"+d.Code+"/events", "application/json", []byte(`{"action":"request_fee"}`)); w.Code != 400 ||
			!strings.Contains(w.Body.String(), `"field":"amount"`) {
			t.Errorf("a fee without its amount: %d %s", w.Code, w.Body)
		}
		// On the page, the amount as people write it.
		form := url.Values{"action": {"request_fee"}, "amount": {"200.000"}, "message": {"Lệ phí cấp giấy phép"}}
		if w := e.Do("thuynguyen", "POST", "/dossiers/"+d.Code, "application/x-www-form-urlencoded", []byte(form.Encode())); w.Code != 303 {
			t.Fatalf("asking for the fee: %d %s", w.Code, w.Body)
		}
		page := e.Do("owner", "GET", "/dossiers/"+d.Code, "", nil).Body.String()
		for _, want := range []string{`id="fee-pay"`, "200.000", `<svg class="qr"`, "0000123456789", "Lệ phí cấp giấy phép"} {
			if !strings.Contains(page, want) {
				t.Errorf("the applicant's page lacks %s", want)
			}
		}
		if w := e.Do("owner", "GET", "/dossiers/"+d.Code+"/forms/fee", "", nil); w.Code != 404 {
			t.Errorf("a receipt before payment: %d", w.Code)
		}
		// The bank statement records the payment: the credit naming the
		// dossier pays it; one too small, or naming nothing, pays nothing.
		statement := "Ngày,Số tiền,Nội dung\n07/12/2026,100.000,CK " + d.Code + "\n07/12/2026,200.000,CK " + strings.ToLower(d.Code) +
			" Cong ty Thuy Nguyen\n07/12/2026,300.000,khong ro\n"
		ctype, body := webtest.MultipartForm(t, nil, webtest.FormFile{Name: "sao-ke.csv", Content: []byte(statement)})
		w = e.Do("thuynguyen", "POST", "/dossiers/payments", ctype, body)
		if w.Code != 200 || !strings.Contains(w.Body.String(), "1 trên 3 khoản") || !strings.Contains(w.Body.String(), "Ít hơn số phí phải nộp.") {
			t.Fatalf("the statement: %d %s", w.Code, w.Body)
		}
		if w := e.Do("owner", "GET", "/api/v1/dossiers/"+d.Code, "", nil); !strings.Contains(w.Body.String(), `"fee_paid_at"`) ||
			!strings.Contains(w.Body.String(), `"status":"processing"`) {
			t.Fatalf("paid: %d %s", w.Code, w.Body)
		}
		ctype, body = webtest.MultipartForm(t, nil, webtest.FormFile{Name: "sao-ke.csv", Content: []byte("Số tiền,Nội dung\nabc," + d.Code + "\n")})
		if w := e.Do("thuynguyen", "POST", "/dossiers/payments", ctype, body); w.Code != 400 || !strings.Contains(w.Body.String(), "không phải số tiền") {
			t.Errorf("a statement with a bad row: %d", w.Code)
		}
		if w := e.Do("owner", "GET", "/dossiers/"+d.Code+"/forms/fee", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "200.000 đồng") {
			t.Errorf("the receipt: %d", w.Code)
		}
	})
}
