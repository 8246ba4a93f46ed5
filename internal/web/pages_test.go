package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/park"
	"congthuong/internal/site"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/web"
	"congthuong/internal/webtest"
)

// TestPagesRender opens every page as the administrator in both languages:
// each must render with status 200 and show no untranslated key.
func TestPagesRender(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		site := &park.Site{Code: "KCN-T", Kind: park.Park, Type: park.General, NameVI: "Khu công nghiệp T", NameEN: "T Industrial Park", UnitCode: "31",
			Status: park.Operating, Decision: park.Decision{Number: "1/QĐ"}, PlannedArea: 7_425_000, LeasableArea: 5_000_000, LeasedArea: 1_000_000,
			Eco: park.EcoConverting, Expansions: []park.Decision{{Number: "2/QĐ", Date: "2024-01-02"}}, Published: true,
			Geometry: &park.Geometry{Type: "Point", Coordinates: []byte("[106.7,20.8]")}}
		if err := e.Store.CreatePark(congthuong.NewContext(context.Background(), congthuong.System()), site); err != nil {
			t.Fatal(err)
		}
		untranslated := regexp.MustCompile(`>[a-z_]+\.[a-z_.]+<`)
		for _, lang := range []string{"vi", "en"} {
			for _, path := range []string{"/", "/units", "/units?q=hai+phong", "/units/31", "/units/11560", "/units/24?valid_on=2024-01-01",
				"/enterprises", "/enterprises/new", "/enterprises/0100233488", "/enterprises/0100233488/edit", "/enterprises/import",
				"/admin/users", "/admin/users/new", "/admin/audit", "/account/tokens", "/account/password", "/login",
				"/calendar", "/calendar?month=2030-02", "/calendar/deadline", "/calendar/deadline?received=2026-02-13T09:00&term=5&unit=days",
				"/admin/calendar", "/admin/calendar?year=2025", "/stats", "/stats?indicator=IIP&period=2024-01..2024-04&units=group:ct28_phiabac",
				"/stats/report", "/stats/report?template=yearly&period=2024&unit=31", "/stats/entry", "/stats/submissions", "/stats/dashboard", "/stats/dashboard?indicator=IIP&unit=11560&year=2025", "/stats/units/31", "/stats/units/11560?year=2026",
				"/stats/submissions?data_set=commune_retail_monthly&period=2026-10&province=31",
				"/parks", "/parks?kind=park&min_free_ha=1&wastewater=1", "/parks/KCN-T", "/parks/KCN-T/edit", "/parks/new",
				"/parks/compare?code=KCN-T", "/parks/summary", "/parks/summary?province=31", "/parks/import", "/parks/reports", "/parks/reports?period=2025H1",
				"/procedures", "/procedures?q=thuoc+la&level=commune", "/procedures/CT-THUOCLA-BANLE", "/procedures/CT-CO",
				"/dossiers", "/dossiers?due=overdue", "/tracking", "/verify", "/admin/outbox"} {
				r := newRequest("GET", path, "")
				r.AddCookie(&http.Cookie{Name: "ct_session", Value: e.Cookies["admin"]})
				r.AddCookie(&http.Cookie{Name: "ct_lang", Value: lang})
				w := newRecorder()
				e.Server.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					t.Errorf("%s %s: status %d", lang, path, w.Code)
					continue
				}
				body := w.Body.String()
				if !strings.Contains(body, `<html lang="`+lang+`"`) {
					t.Errorf("%s %s: wrong language", lang, path)
				}
				if m := untranslated.FindString(body); m != "" {
					t.Errorf("%s %s: untranslated key %s", lang, path, m)
				}
			}
		}
	})
}

func TestLoginFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		post := func(form url.Values, ip string) *http.Response {
			r := newRequest("POST", "/login", form.Encode())
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.RemoteAddr = ip + ":1234"
			w := newRecorder()
			e.Server.ServeHTTP(w, r)
			return w.Result()
		}
		res := post(url.Values{"username": {"thuynguyen"}, "password": {webtest.TestPassword}, "next": {"/enterprises"}}, "10.0.0.1")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/enterprises" {
			t.Fatalf("login: %d → %s", res.StatusCode, res.Header.Get("Location"))
		}
		var session *http.Cookie
		for _, c := range res.Cookies() {
			if c.Name == "ct_session" {
				session = c
			}
		}
		if session == nil || !session.HttpOnly || !session.Secure || session.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie flags: %+v", session)
		}
		// An open redirect is refused.
		res = post(url.Values{"username": {"thuynguyen"}, "password": {webtest.TestPassword}, "next": {"//evil.example/"}}, "10.0.0.1")
		if res.Header.Get("Location") != "/" {
			t.Errorf("next=//evil.example/ redirected to %s", res.Header.Get("Location"))
		}
		// Failures slow down the guesser's address for that account only: the
		// right password from elsewhere still works.
		for i := range 2 {
			if res := post(url.Values{"username": {"cathai"}, "password": {"wrong-password"}}, "10.0.0.2"); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("failure %d: status %d", i, res.StatusCode)
			}
		}
		// The third failure makes that address wait for that account, with the
		// right password too.
		for i, password := range []string{"wrong-password", webtest.TestPassword} {
			res = post(url.Values{"username": {"cathai"}, "password": {password}}, "10.0.0.2")
			if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
				t.Errorf("attempt %d: status %d, Retry-After %q; want 429", i+3, res.StatusCode, res.Header.Get("Retry-After"))
			}
		}
		if res := post(url.Values{"username": {"cathai"}, "password": {webtest.TestPassword}}, "10.0.0.3"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("the right password from another address: %d", res.StatusCode)
		}
		if res := post(url.Values{"username": {"thuynguyen"}, "password": {webtest.TestPassword}}, "10.0.0.2"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("another account from the guesser's address: %d", res.StatusCode)
		}
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		entries, _, err := e.Store.FindAuditEntries(sys, db.AuditFilter{Entity: "user"})
		failed, throttled := 0, 0
		for _, a := range entries {
			switch {
			case a.Action == "login_failed" && a.EntityID == "cathai" && strings.Contains(string(a.After), "10.0.0.2"):
				failed++
			case a.Action == "login_throttled" && a.EntityID == "cathai":
				throttled++
			}
		}
		if err != nil || failed != 2 || throttled != 1 {
			t.Errorf("failed logins in the audit log: %d failed, %d throttled, %v", failed, throttled, err)
		}
		// Logout ends the session on the server.
		r := newRequest("POST", "/logout", "")
		r.AddCookie(session)
		e.Server.ServeHTTP(newRecorder(), r)
		r = newRequest("GET", "/api/v1/me", "")
		r.AddCookie(session)
		w := newRecorder()
		e.Server.ServeHTTP(w, r)
		if w.Code != http.StatusUnauthorized {
			t.Errorf("after logout: %d", w.Code)
		}
	})
}

func TestSecurityHeadersAndAssets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("", "GET", "/units", "", nil)
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP = %q", csp)
		}
		if cc := w.Header().Get("Cache-Control"); cc != "private, no-cache" {
			t.Errorf("a page may be kept by a shared cache: %q", cc)
		}
		css := regexp.MustCompile(`/static/app\.[0-9a-f]{8}\.css`).FindString(w.Body.String())
		if css == "" {
			t.Fatal("no hashed stylesheet URL in the page")
		}
		w = e.Do("", "GET", css, "", nil)
		if w.Code != 200 || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
			t.Errorf("asset: %d %q", w.Code, w.Header().Get("Cache-Control"))
		}
		// Pages and static files are gzipped for clients that take it,
		// and only for them.
		for _, path := range []string{"/units", css} {
			r := httptest.NewRequest("GET", path, nil)
			r.Header.Set("Accept-Encoding", "gzip, deflate, br")
			gz := httptest.NewRecorder()
			e.Server.ServeHTTP(gz, r)
			zr, err := gzip.NewReader(gz.Body)
			if err != nil || gz.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(gz.Header().Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s is not gzipped: %v %q", path, err, gz.Header())
				continue
			}
			plain, _ := io.ReadAll(zr)
			if want := e.Do("", "GET", path, "", nil); want.Header().Get("Content-Encoding") != "" || len(plain) < want.Body.Len()/2 ||
				len(plain) <= gz.Body.Len() {
				t.Errorf("%s: %d bytes unzipped, %d gzipped, %d plain", path, len(plain), gz.Body.Len(), want.Body.Len())
			}
		}
		for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 403, "/nope": 404, "/api/v1/nope": 404} {
			if w := e.Do("", "GET", path, "", nil); w.Code != want {
				t.Errorf("%s: %d, want %d", path, w.Code, want)
			}
		}
		metrics := func(srv http.Handler, remote, token string) *httptest.ResponseRecorder {
			r := httptest.NewRequest("GET", "/metrics", nil)
			r.RemoteAddr = remote
			if token != "" {
				r.Header.Set("Authorization", "Bearer "+token)
			}
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, r)
			return w
		}
		w = metrics(e.Server, "127.0.0.1:4000", "")
		if w.Code != 200 || !strings.Contains(w.Body.String(), `congthuong_http_requests_total{method="GET",route="GET /healthz",status="200"}`) {
			t.Errorf("metrics from the machine itself: %d\n%.500s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/units", "", nil); w.Header().Get("Strict-Transport-Security") == "" {
			t.Error("no HSTS with secure cookies")
		}
		withToken, err := site.New(e.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), web.Options{MetricsToken: "a-long-metrics-token"})
		if err != nil {
			t.Fatal(err)
		}
		for _, test := range []struct {
			remote, token string
			want          int
		}{{"192.0.2.1:1", "a-long-metrics-token", 200}, {"192.0.2.1:1", "wrong", 403}, {"127.0.0.1:1", "", 403}} {
			if w := metrics(withToken, test.remote, test.token); w.Code != test.want {
				t.Errorf("metrics from %s with %q: %d, want %d", test.remote, test.token, w.Code, test.want)
			}
		}
	})
}

// TestLoginUnderAttack: guesses sent all at once are counted before their
// passwords are hashed, and behind the documented proxy one client's
// failures hold up neither the same account elsewhere nor other accounts.
func TestLoginUnderAttack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		srv, err := site.New(e.Store, slog.New(slog.NewTextHandler(io.Discard, nil)),
			web.Options{SecureCookies: true, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
		if err != nil {
			t.Fatal(err)
		}
		post := func(user, password, client string) int {
			r := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"username": {user}, "password": {password}}.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.RemoteAddr = "127.0.0.1:40000" // nginx
			r.Header.Set("X-Forwarded-For", client)
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, r)
			return w.Code
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		codes := map[int]int{}
		for range 60 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				code := post("leader31", "guess-guess-guess", "198.51.100.9")
				mu.Lock()
				codes[code]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		entries, _, err := e.Store.FindAuditEntries(sys, db.AuditFilter{Entity: "user"})
		checked := 0
		for _, a := range entries {
			if a.EntityID == "leader31" && strings.HasPrefix(a.Action, "login_") {
				checked++
			}
		}
		if err != nil || checked > 3 || codes[http.StatusTooManyRequests] < 57 {
			t.Errorf("60 guesses at once: %d checked, answers %v (%v)", checked, codes, err)
		}
		if code := post("leader31", webtest.TestPassword, "198.51.100.20"); code != http.StatusSeeOther {
			t.Errorf("the leader from another address behind the same proxy: %d", code)
		}
		if code := post("thuynguyen", webtest.TestPassword, "198.51.100.9"); code != http.StatusSeeOther {
			t.Errorf("another account from the guesser's address: %d", code)
		}
		if code := post("leader31", webtest.TestPassword, "6.6.6.6, 198.51.100.9"); code != http.StatusTooManyRequests {
			t.Errorf("the guesser forging another address: %d", code)
		}
	})
}

// TestRequestLogs: the log line and the metrics of a logged-in request
// name its user, client and route.
func TestRequestLogs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		var logs bytes.Buffer
		var mu sync.Mutex
		srv, err := site.New(e.Store, slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil)), web.Options{SecureCookies: true})
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("GET", "/api/v1/me", nil)
		r.RemoteAddr = "198.51.100.7:5555"
		r.AddCookie(&http.Cookie{Name: "ct_session", Value: e.Cookies["thuynguyen"]})
		srv.ServeHTTP(httptest.NewRecorder(), r)
		mu.Lock()
		line := logs.String()
		mu.Unlock()
		if !strings.Contains(line, "user=thuynguyen") || !strings.Contains(line, "client=198.51.100.7") {
			t.Errorf("log line: %s", line)
		}
		r = httptest.NewRequest("GET", "/metrics", nil)
		r.RemoteAddr = "127.0.0.1:1"
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if !strings.Contains(w.Body.String(), `route="GET /api/v1/me",status="200"`) {
			t.Errorf("metrics of the logged-in request:\n%s", w.Body)
		}
	})
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
