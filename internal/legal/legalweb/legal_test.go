package legalweb_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

const formType = "application/x-www-form-urlencoded"

// TestLibraryPages: the department adds documents through the form (each
// mistake named beside its field, in Vietnamese, with what was typed), the
// public finds them by number or words, reads their status today and
// what replaced them, and a procedure's legal basis links to them.
func TestLibraryPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		now := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
		st.Now = func() time.Time { return now }
		if w := e.Do("thuynguyen", "GET", "/documents/new", "", nil); w.Code != 403 {
			t.Errorf("a commune officer adds a document: %d", w.Code)
		}
		bad := url.Values{"number": {"nghị định mới"}, "type": {"decree"}, "field": {"trade"}, "issuer": {"Chính phủ"},
			"issued_on": {"12/6/2025"}, "title_vi": {"Thử"}, "replaces_part": {"81/2018/NĐ-CP\nabc"}}
		w := e.Do("officer31", "POST", "/documents/new", formType, []byte(bad.Encode()))
		body := w.Body.String()
		for _, want := range []string{"nhập số, ký hiệu như trên văn bản", "nhập ngày, ví dụ 01/07/2025", "“abc” không phải số văn bản",
			`value="nghị định mới"`, `href="#replaces_whole"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the refused form lacks %s", want)
			}
		}
		if w.Code != 422 {
			t.Fatalf("a bad document: %d", w.Code)
		}
		save := func(v url.Values) {
			t.Helper()
			if w := e.Do("officer31", "POST", "/documents/new", formType, []byte(v.Encode())); w.Code != 303 {
				t.Fatalf("save %s: %d %s", v.Get("number"), w.Code, webtest.Between(w.Body.String(), "<main", "</main>"))
			}
		}
		save(url.Values{"number": {"81/2018/NĐ-CP"}, "type": {"decree"}, "field": {"trade"}, "issuer": {"Chính phủ"},
			"issued_on": {"2018-05-22"}, "effective_on": {"2018-05-22"}, "title_vi": {"Quy định chi tiết Luật Thương mại về xúc tiến thương mại"},
			"published": {"1"}})
		save(url.Values{"number": {"128/2024/NĐ-CP"}, "type": {"decree"}, "field": {"trade"}, "issuer": {"Chính phủ"},
			"issued_on": {"2024-10-10"}, "effective_on": {"2024-12-01"}, "title_vi": {"Sửa đổi Nghị định 81/2018/NĐ-CP"},
			"replaces_part": {"81/2018/NĐ-CP"}, "published": {"1"}})
		page := e.Do("", "GET", "/documents/81-2018-nd-cp", "", nil).Body.String()
		for _, want := range []string{"còn hiệu lực, bị sửa đổi một phần", `href="/documents/128-2024-nd-cp"`, "22/05/2018"} {
			if !strings.Contains(page, want) {
				t.Errorf("the document's page lacks %s", want)
			}
		}
		list := e.Do("", "GET", "/documents?q=xuc+tien&status=partly_replaced", "", nil).Body.String()
		if !strings.Contains(list, `href="/documents/81-2018-nd-cp"`) || strings.Contains(list, `href="/documents/128-2024-nd-cp"`) {
			t.Errorf("the filtered list: %s", webtest.Between(list, `id="documents-list"`, "</ul>"))
		}
		var api struct {
			Items []struct {
				Number, Status string
			} `json:"items"`
			Total int `json:"total"`
		}
		if w := e.Do("", "GET", "/api/v1/documents?q=128/2024", "", nil); w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &api) != nil ||
			api.Total != 1 || api.Items[0].Number != "128/2024/NĐ-CP" || api.Items[0].Status != "in_force" {
			t.Errorf("the API: %d %s", w.Code, w.Body.String())
		}
		if w := e.Do("", "GET", "/api/v1/documents/khong-co", "", nil); w.Code != 404 {
			t.Errorf("an unknown document: %d", w.Code)
		}
		// A procedure citing the decree links to it (the catalogue is
		// loaded at first start).
		if proc := e.Do("", "GET", "/procedures/CT-HOICHO", "", nil).Body.String(); !strings.Contains(proc, `<a href="/documents/81-2018-nd-cp">Nghị định 81/2018/NĐ-CP</a>`) {
			t.Errorf("the procedure's legal basis: %s", webtest.Between(proc, `id="legal-basis"`, "</ul>"))
		}
		if sm := e.Do("", "GET", "/sitemap.xml", "", nil).Body.String(); !strings.Contains(sm, "/documents/81-2018-nd-cp</loc>") {
			t.Errorf("the sitemap lacks the document")
		}
	})
}
