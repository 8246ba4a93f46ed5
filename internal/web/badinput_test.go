package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"congthuong/internal/enterprise"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestBadInputEveryRoute sends every API route, as an administrator,
// malformed JSON, an oversized body, a wrong content type and path
// parameters that try to climb out of their folder: every answer is a
// clean 4xx (or, for a read that finds nothing odd, 2xx), never a 5xx.
func TestBadInputEveryRoute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		param := regexp.MustCompile(`\{[a-z_]+\}`)
		oversized := append([]byte(`{"name":"`), bytes.Repeat([]byte("x"), 70<<20)...)
		oversized = append(oversized, []byte(`"}`)...)
		for _, rt := range e.Server.APIRoutes() {
			paths := []string{param.ReplaceAllString(rt.Pattern, "x")}
			if strings.Contains(rt.Pattern, "{") {
				paths = append(paths, param.ReplaceAllString(rt.Pattern, "..%2F..%2F..%2Fetc%2Fpasswd"),
					param.ReplaceAllString(rt.Pattern, "%00"))
			}
			type attempt struct {
				name, ctype string
				body        []byte
			}
			attempts := []attempt{{"no body", "", nil}}
			if rt.Method != "GET" && rt.Method != "DELETE" {
				attempts = append(attempts, attempt{"malformed JSON", "application/json", []byte(`{"code": [1, 2`)},
					attempt{"wrong type", "application/xml", []byte(`<a>1</a>`)},
					attempt{"oversized", "application/json", oversized})
			}
			for _, path := range paths {
				for _, a := range attempts {
					r := httptest.NewRequest(rt.Method, path, bytes.NewReader(a.body))
					if a.ctype != "" {
						r.Header.Set("Content-Type", a.ctype)
					}
					r.AddCookie(&http.Cookie{Name: "ct_session", Value: e.Cookies["admin"]})
					w := httptest.NewRecorder()
					e.Server.ServeHTTP(w, r)
					if w.Code >= 500 {
						t.Errorf("%s %s (%s): %d %.200s", rt.Method, path, a.name, w.Code, w.Body)
					}
					if strings.Contains(w.Body.String(), "root:") {
						t.Errorf("%s %s (%s) answered with a system file", rt.Method, path, a.name)
					}
					if a.name != "no body" && w.Code < 400 && rt.Method != "GET" {
						t.Errorf("%s %s (%s) was accepted: %d", rt.Method, path, a.name, w.Code)
					}
				}
			}
		}
	})
}

// TestLongQueries: a search longer than anyone types is refused with 400
// naming it, on every list, before it reaches the database.
func TestLongQueries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		long := strings.Repeat("thép ", 10_000)
		for _, path := range []string{"/api/v1/enterprises", "/api/v1/units", "/api/v1/parks", "/api/v1/procedures", "/api/v1/dossiers",
			"/enterprises", "/units", "/parks", "/procedures", "/admin/users"} {
			w := e.Do("admin", "GET", path+"?q="+url.QueryEscape(long[:1000]), "", nil)
			if w.Code != 400 || strings.HasPrefix(path, "/api/") && !strings.Contains(w.Body.String(), `"field":"q"`) {
				t.Errorf("%s with a 1,000-character search: %d %.200s", path, w.Code, w.Body)
			}
			if w := e.Do("admin", "GET", path+"?q=x&pad="+strings.Repeat("a", 50_000), "", nil); w.Code != 400 {
				t.Errorf("%s with a 50,000-character address: %d", path, w.Code)
			}
			if w := e.Do("admin", "GET", path+"?q="+url.QueryEscape(strings.Repeat("ư", 200)), "", nil); w.Code != 200 {
				t.Errorf("%s with a 200-character search: %d", path, w.Code)
			}
		}
	})
}

// freeTaxCode is a valid tax code no enterprise of the test's has.
var freeTaxCode = func() string {
	for n := 10000; ; n++ {
		if tc, ok := enterprise.WithCheckDigit(fmt.Sprintf("0109%05d", n)); ok {
			return tc
		}
	}
}()

// TestNULText: a NUL character, which SQLite stores and PostgreSQL refuses,
// is refused with 400 on both, in an address, a JSON body or a form.
func TestNULText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		for _, test := range []struct{ method, path, ctype, body string }{
			{"GET", "/api/v1/enterprises/%00", "", ""},
			{"GET", "/api/v1/enterprises?q=a%00b", "", ""},
			{"POST", "/api/v1/enterprises", "application/json", `{"tax_code":"0100233488","name":"A\u0000B","unit_code":"11560"}`},
			{"POST", "/enterprises", "application/x-www-form-urlencoded", "tax_code=" + freeTaxCode + "&name=A%00B&unit_code=11560"},
		} {
			w := e.Do("officer31", test.method, test.path, test.ctype, []byte(test.body))
			if w.Code != 400 {
				t.Errorf("%s %s %q: %d %.300s", test.method, test.path, test.body, w.Code, w.Body)
			}
		}
	})
}

// TestAnonymousAndMethods: every operation the document reserves for the
// logged in answers an anonymous caller 401, whatever it sends, before it
// looks at the input; and a path of the API asked with a method it does not
// take answers 405 naming the ones it does.
func TestAnonymousAndMethods(t *testing.T) {
	e := webtest.NewEnv(t, storetest.SQLite(t))
	doc, _ := webtest.LoadOpenAPI(t, e.Server.OpenAPI())
	param := regexp.MustCompile(`\{[a-z_]+\}`)
	reserved := 0
	for _, rt := range e.Server.APIRoutes() {
		item := doc.Paths.Find(rt.Pattern)
		if item == nil {
			t.Fatalf("%s is not in openapi.json", rt.Pattern)
		}
		op := item.GetOperation(rt.Method)
		anonymous := op.Security == nil
		if op.Security != nil {
			for _, alt := range *op.Security {
				anonymous = anonymous || len(alt) == 0
			}
		}
		if anonymous {
			continue
		}
		reserved++
		for _, path := range []string{param.ReplaceAllString(rt.Pattern, "x"), param.ReplaceAllString(rt.Pattern, "NOPE-000000-0000")} {
			w := e.Do("", rt.Method, path+"?limit=-1&period=bad", "application/json", []byte(`{"bad": `))
			if w.Code != 401 || !strings.Contains(w.Body.String(), `"code":"unauthorized"`) {
				t.Errorf("anonymous %s %s: %d %.200s", rt.Method, path, w.Code, w.Body)
			}
		}
	}
	if reserved < 30 {
		t.Errorf("only %d operations are reserved for the logged in", reserved)
	}
	for path, allow := range map[string]string{"/api/v1/units": "GET", "/api/v1/enterprises/0100233488": "GET, PUT, DELETE",
		"/api/v1/dossiers": "GET, POST"} {
		w := e.Do("admin", "PATCH", path, "application/json", []byte(`{}`))
		if w.Code != 405 || w.Header().Get("Allow") != allow {
			t.Errorf("PATCH %s: %d, Allow %q; want 405 with %q", path, w.Code, w.Header().Get("Allow"), allow)
		}
	}
	if w := e.Do("admin", "GET", "/api/v1/nothing-here", "", nil); w.Code != 404 {
		t.Errorf("an unknown path: %d", w.Code)
	}
}
