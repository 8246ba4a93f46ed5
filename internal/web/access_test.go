package web_test

import (
	"net/http"
	"strings"
	"testing"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestAccess proves the access rules role by role and unit by unit: a commune
// officer reaches only its commune's records, another province's officer
// none, the public only public data.
func TestAccess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		thuyNguyen := `{"tax_code":"0100112437","name":"Công ty Mới","unit_code":"11560"}`
		catHai := `{"tax_code":"0312687878","name":"Công ty Cát Hải Mới","unit_code":"11914"}`
		for _, sc := range []struct {
			name         string
			user         string
			method, url  string
			body         string
			wantStatus   int
			wantContains string
			wantAbsent   string
		}{
			{"public reads units", "", "GET", "/api/v1/units?level=province", "", 200, `"total":34`, ""},
			{"public reads the parks list", "", "GET", "/api/v1/parks", "", 200, `"total":0`, ""},
			{"public cannot register a park", "", "POST", "/api/v1/parks", `{"code":"KCN-Z"}`, 401, "", ""},
			{"public cannot import parks", "", "POST", "/api/v1/parks/import", "code\n", 401, "", ""},
			{"public cannot follow park reports", "", "GET", "/api/v1/parks/reports", "", 401, "", ""},
			{"an enterprise cannot decide a park report", "owner", "POST", "/api/v1/parks/reports/decide", `{"site_code":"X","period":"2026H2","approve":true}`, 403, "", ""},
			{"an enterprise cannot publish park figures", "owner", "POST", "/api/v1/parks/reports/publish?period=2026H2", "", 403, "", ""},
			{"an enterprise cannot register a park", "owner", "POST", "/api/v1/parks", `{"code":"KCN-Z"}`, 403, "", ""},
			{"public cannot list enterprises", "", "GET", "/api/v1/enterprises", "", 401, `"code":"unauthorized"`, ""},
			{"public cannot read an enterprise", "", "GET", "/api/v1/enterprises/0100233488", "", 401, "", "Thủy Nguyên"},
			{"public cannot create", "", "POST", "/api/v1/enterprises", thuyNguyen, 401, "", ""},
			{"public cannot read audit", "", "GET", "/api/v1/audit", "", 401, "", ""},
			{"public enterprise page sends to login", "", "GET", "/enterprises", "", 303, "", ""},
			{"province officer lists both", "officer31", "GET", "/api/v1/enterprises", "", 200, `"total":2`, ""},
			{"other province lists none", "officer01", "GET", "/api/v1/enterprises", "", 200, `"total":0`, ""},
			{"other province cannot read", "officer01", "GET", "/api/v1/enterprises/0100233488", "", 404, "", "Thủy Nguyên"},
			{"commune lists its own", "thuynguyen", "GET", "/api/v1/enterprises", "", 200, `"total":1`, "Cát Hải"},
			{"commune reads its own", "thuynguyen", "GET", "/api/v1/enterprises/0100233488", "", 200, "Thủy Nguyên", ""},
			{"commune cannot read another commune", "thuynguyen", "GET", "/api/v1/enterprises/0314409058", "", 404, "", "Cát Hải"},
			{"commune cannot see another commune's page", "thuynguyen", "GET", "/enterprises/0314409058", "", 404, "", "Cát Hải"},
			{"commune cannot change another commune", "thuynguyen", "PUT", "/api/v1/enterprises/0314409058", `{"name":"X","unit_code":"11914"}`, 404, "", ""},
			{"commune cannot delete another commune", "thuynguyen", "DELETE", "/api/v1/enterprises/0314409058", "", 404, "", ""},
			{"commune cannot create in another commune", "thuynguyen", "POST", "/api/v1/enterprises", catHai, 403, `"field":"unit_code"`, ""},
			{"commune creates in its commune", "thuynguyen", "POST", "/api/v1/enterprises", thuyNguyen, 201, `"province_code":"31"`, ""},
			{"other commune creates in its own", "cathai", "POST", "/api/v1/enterprises", catHai, 201, "", ""},
			{"leader reads", "leader31", "GET", "/api/v1/enterprises/0314409058", "", 200, "Cát Hải", ""},
			{"leader cannot change", "leader31", "DELETE", "/api/v1/enterprises/0314409058", "", 403, "", ""},
			{"enterprise user reads itself", "owner", "GET", "/api/v1/enterprises/0100233488", "", 200, "", ""},
			{"enterprise user cannot read others", "owner", "GET", "/api/v1/enterprises/0314409058", "", 404, "", ""},
			{"enterprise user cannot write", "owner", "PUT", "/api/v1/enterprises/0100233488", `{"name":"X","unit_code":"11560"}`, 403, "", ""},
			{"officer cannot list users", "officer31", "GET", "/api/v1/users", "", 403, "", ""},
			{"officer cannot read audit", "officer31", "GET", "/api/v1/audit", "", 403, "", ""},
			{"province admin lists users of the province", "admin31", "GET", "/api/v1/users?limit=100", "", 200, "thuynguyen", "officer01"},
			{"province admin cannot create outside", "admin31", "POST", "/api/v1/users", `{"username":"hn2","display_name":"HN","role":"officer","unit_code":"01","password":"long-enough-pw"}`, 403, "", ""},
			{"country admin creates anywhere", "admin", "POST", "/api/v1/users", `{"username":"hn2","display_name":"HN","role":"officer","unit_code":"01","password":"long-enough-pw"}`, 201, `"must_change_password":true`, ""},
			{"country admin reads audit", "admin", "GET", "/api/v1/audit?entity=enterprise", "", 200, "0100233488", ""},
			{"me", "thuynguyen", "GET", "/api/v1/me", "", 200, `"unit_code":"11560"`, "password_hash"},
			{"anonymous me", "", "GET", "/api/v1/me", "", 401, "", ""},
			{"admin page for admin", "admin", "GET", "/admin/users", "", 200, "officer01", ""},
			{"admin page for officer", "officer31", "GET", "/admin/users", "", 403, "", "officer01"},
		} {
			t.Run(sc.name, func(t *testing.T) {
				var body []byte
				ct := ""
				if sc.body != "" {
					body, ct = []byte(sc.body), "application/json"
				}
				w := e.Do(sc.user, sc.method, sc.url, ct, body)
				if w.Code != sc.wantStatus {
					t.Fatalf("status %d, want %d; body %s", w.Code, sc.wantStatus, w.Body)
				}
				if sc.wantContains != "" && !strings.Contains(w.Body.String(), sc.wantContains) {
					t.Errorf("body lacks %q: %s", sc.wantContains, w.Body)
				}
				if sc.wantAbsent != "" && strings.Contains(w.Body.String(), sc.wantAbsent) {
					t.Errorf("body shows %q: %s", sc.wantAbsent, w.Body)
				}
			})
		}
	})
}

func TestCrossOriginPostRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		r, w := newRequest("POST", "/api/v1/enterprises", `{"tax_code":"0100112437","name":"X","unit_code":"11560"}`), newRecorder()
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Origin", "https://evil.example")
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		r.AddCookie(&http.Cookie{Name: "ct_session", Value: e.Cookies["officer31"]})
		e.Server.ServeHTTP(w, r)
		if w.Code != http.StatusForbidden {
			t.Fatalf("cross-site POST: status %d, want 403", w.Code)
		}
	})
}
