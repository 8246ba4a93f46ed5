package procedureweb_test

import (
	"bytes"
	"mime/multipart"
	"regexp"
	"strings"
	"testing"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
	"congthuong/internal/webtest"
)

// filingForm is the filing form's body: fields, and a PDF for each paper
// named.
func filingForm(t *testing.T, fields map[string]string, papers ...string) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range papers {
		fw, err := mw.CreateFormFile(p, p+".pdf")
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte("%PDF-1.4\n% " + p + "\n"))
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), b.Bytes()
}

// TestFilingJourney files a dossier as an applicant does on the pages: the
// login comes back to the form; the form, sent incomplete, names every
// problem in the reader's language and keeps what was typed; the papers
// stay with the draft; the answers are checked; the receipt follows; the
// draft is the applicant's alone.
func TestFilingJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("", "GET", "/procedures/CT-KM-MAYRUI/file", "", nil); w.Code != 303 ||
			w.Header().Get("Location") != "/login?next=%2Fprocedures%2FCT-KM-MAYRUI%2Ffile" {
			t.Errorf("anonymous: %d → %s", w.Code, w.Header().Get("Location"))
		}
		w := e.Do("owner", "GET", "/procedures/CT-KM-MAYRUI/file", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `name="form_tax_code" value="0100233488"`) ||
			!strings.Contains(w.Body.String(), `<option value="31" selected>`) {
			t.Fatalf("the form, prefilled: %d", w.Code)
		}
		ctype, body := filingForm(t, map[string]string{"applicant_name": "Công ty Cổ phần Thủy Nguyên", "unit_code": "31",
			"form_tax_code": "0100233488", "form_start_date": "2026-12-01", "continue": "1"}, "paper_0")
		w = e.Do("owner", "POST", "/procedures/CT-KM-MAYRUI/file", ctype, body)
		page := w.Body.String()
		if w.Code != 400 || !strings.Contains(page, `value="2026-12-01"`) || !strings.Contains(page, "paper_0.pdf") {
			t.Fatalf("incomplete: %d, values or the paper lost", w.Code)
		}
		for _, want := range []string{`href="#applicant_phone"`, `href="#form_end_date"`, `href="#paper_1"`, "Hãy đính kèm: Thể lệ chương trình khuyến mại."} {
			if !strings.Contains(page, want) {
				t.Errorf("the refused form lacks %s", want)
			}
		}
		text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page[strings.Index(page, "<main"):], " ")
		if m := regexp.MustCompile(`(?i)\b(required|invalid|field)\b`).FindString(text); m != "" {
			t.Errorf("English on the Vietnamese page: %q", m)
		}
		id := regexp.MustCompile(`name="draft" value="(\d+)"`).FindStringSubmatch(page)
		if id == nil {
			t.Fatal("the refused form does not carry its draft")
		}
		ctype, body = filingForm(t, map[string]string{"draft": id[1], "applicant_name": "Công ty Cổ phần Thủy Nguyên", "unit_code": "31",
			"applicant_phone": "0912 345 678", "form_tax_code": "0100233488", "form_start_date": "2026-12-01", "form_end_date": "2026-12-31",
			"continue": "1"}, "paper_1")
		if w = e.Do("owner", "POST", "/procedures/CT-KM-MAYRUI/file", ctype, body); w.Code != 303 || w.Header().Get("Location") != "/drafts/"+id[1] {
			t.Fatalf("complete: %d → %s %s", w.Code, w.Header().Get("Location"), w.Body)
		}
		if w = e.Do("thuynguyen", "GET", "/drafts/"+id[1], "", nil); w.Code != 404 {
			t.Errorf("another account reads the draft: %d", w.Code)
		}
		w = e.Do("owner", "GET", "/drafts/"+id[1], "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), "paper_0.pdf") || !strings.Contains(w.Body.String(), "paper_1.pdf") {
			t.Fatalf("the answers to check: %d", w.Code)
		}
		w = e.Do("owner", "POST", "/drafts/"+id[1]+"/submit", "application/x-www-form-urlencoded", nil)
		filed := w.Header().Get("Location")
		if w.Code != 303 || !strings.HasSuffix(filed, "/filed") {
			t.Fatalf("send: %d → %s", w.Code, filed)
		}
		w = e.Do("owner", "GET", filed, "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `id="filed-key"`) {
			t.Errorf("the receipt: %d", w.Code)
		}
		code := strings.TrimSuffix(strings.TrimPrefix(filed, "/dossiers/"), "/filed")
		d, _, err := st.FindDossier(storetest.As(storetest.EnterpriseOwner), code)
		if err != nil || len(d.Files) != 2 || d.Form["end_date"] != "2026-12-31" {
			t.Errorf("the dossier: %+v %v", d, err)
		}
		if w = e.Do("owner", "POST", "/drafts/"+id[1]+"/submit", "application/x-www-form-urlencoded", nil); w.Code != 404 {
			t.Errorf("sent twice: %d", w.Code)
		}
	})
}

// TestBlankForms: a document whose official form is not uploaded has the
// platform's blank form, a Word file; a name no document gives is not
// found.
func TestBlankForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("", "GET", "/api/v1/procedures/CT-THUOCLA-BANLE/templates/mau-don-thuoc-la.docx", "", nil)
		if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "PK") || !strings.Contains(w.Header().Get("Content-Type"), "wordprocessingml") {
			t.Errorf("the blank form: %d %s", w.Code, w.Header().Get("Content-Type"))
		}
		if w := e.Do("", "GET", "/api/v1/procedures/CT-THUOCLA-BANLE/templates/khac.docx", "", nil); w.Code != 404 {
			t.Errorf("another name: %d", w.Code)
		}
		if page := e.Do("", "GET", "/procedures/CT-THUOCLA-BANLE", "", nil).Body.String(); !strings.Contains(page, `/templates/mau-don-thuoc-la.docx"`) {
			t.Error("the procedure's page does not link its blank form")
		}
	})
}

// TestRegister: the desk's register (form 06) is a workbook of its
// dossiers; the public has none.
func TestRegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		e.Do("owner", "POST", "/api/v1/dossiers", "application/json", []byte(`{"procedure_code":"CT-THUOCLA-BANLE","unit_code":"11560",
			"applicant":{"name":"Công ty Thủy Nguyên","phone":"0912345678"},"form":{"tax_code":"0100233488","business_address":"Số 1"}}`))
		w := e.Do("thuynguyen", "GET", "/dossiers/register.xlsx", "", nil)
		if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "PK") {
			t.Fatalf("the register: %d", w.Code)
		}
		table, err := tabular.Read(bytes.NewReader(w.Body.Bytes()))
		if err != nil || len(table.Rows) != 1 || table.Rows[0].Cell(3) != "Công ty Thủy Nguyên" || table.Header[1] != "Mã hồ sơ" {
			t.Errorf("the register's rows: %+v %v", table, err)
		}
		if w := e.Do("owner", "GET", "/dossiers/register.xlsx", "", nil); w.Code != 403 {
			t.Errorf("an enterprise's register: %d", w.Code)
		}
	})
}
