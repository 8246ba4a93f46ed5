package parkweb_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestPublicParkPagesCached: the public's pages about parks are rendered
// once and served again, but never to the signed-in, never in another
// reader's language or text size, and never after the registry changed
// (a change made through the store bumps its version).
func TestPublicParkPagesCached(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		if w := e.Do("officer31", "POST", "/api/v1/parks", "application/json", []byte(dinhVuJSON)); w.Code != 201 {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		get := func(path string, cookies ...*http.Cookie) string {
			t.Helper()
			r := httptest.NewRequest("GET", path, nil)
			for _, c := range cookies {
				r.AddCookie(c)
			}
			w := httptest.NewRecorder()
			e.Server.ServeHTTP(w, r)
			if w.Code != 200 || w.Header().Get("Cache-Control") != "private, no-cache" {
				t.Fatalf("GET %s: %d %v", path, w.Code, w.Header())
			}
			return w.Body.String()
		}
		for _, path := range []string{"/parks/KCN-DINHVU", "/parks?province=31"} {
			first := get(path)
			if again := get(path); again != first {
				t.Errorf("%s: the same reader is not shown the same page", path)
			}
			if en := get(path, &http.Cookie{Name: "ct_lang", Value: "en"}); !strings.Contains(en, `lang="en"`) || !strings.Contains(en, "Dinh Vu Industrial Park") {
				t.Errorf("%s: an English reader is served the Vietnamese page", path)
			}
			if large := get(path, &http.Cookie{Name: "ct_size", Value: "large"}); large == first {
				t.Errorf("%s: a reader asking for large text is served the normal page", path)
			}
			if staff := e.Do("officer31", "GET", path, "", nil).Body.String(); !strings.Contains(staff, "officer31") {
				t.Errorf("%s: a signed-in officer is served the public's page", path)
			}
		}
		if strings.Contains(get("/parks/KCN-DINHVU"), "Tân Vũ") {
			t.Fatal("the site is already named so")
		}
		// Changed past the store (no version bumped): the public is served
		// the page as rendered, an officer the record as it is.
		if _, err := st.Write.Exec(`UPDATE parks SET name_vi = 'Khu công nghiệp Đình Vũ mới' WHERE code = 'KCN-DINHVU'`); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(get("/parks/KCN-DINHVU"), "Đình Vũ mới") {
			t.Error("the public's page was rendered again although nothing told the registry changed")
		}
		if !strings.Contains(e.Do("officer31", "GET", "/parks/KCN-DINHVU", "", nil).Body.String(), "Đình Vũ mới") {
			t.Error("an officer is not shown the record as it is")
		}
		upd := strings.Replace(strings.Replace(dinhVuJSON, "Khu công nghiệp Đình Vũ", "Khu công nghiệp Đình Vũ – Tân Vũ", 1), `"published":true`, `"published":true,"version":1`, 1)
		if w := e.Do("officer31", "PUT", "/api/v1/parks/KCN-DINHVU", "application/json", []byte(upd)); w.Code != 200 {
			t.Fatalf("rename: %d %s", w.Code, w.Body)
		}
		for _, path := range []string{"/parks/KCN-DINHVU", "/parks?province=31"} {
			if !strings.Contains(get(path), "Tân Vũ") {
				t.Errorf("%s: the public is still shown the site's old name", path)
			}
		}
	})
}
