package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/enterprise"
	"congthuong/internal/setup"
	"congthuong/internal/site"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/web"
)

func TestMain(m *testing.M) { storetest.Main(m) }

const testPassword = "test-password-123"

// env is a server on a fresh database with one user per role and unit, and
// two enterprises: one in Phường Thủy Nguyên (11560), one in Đặc khu Cát Hải
// (11914), both in Hải Phòng (31).
type env struct {
	t       *testing.T
	store   *store.Store
	server  *web.Server
	users   map[string]*auth.User
	cookies map[string]string
}

func newEnv(t *testing.T, st *store.Store) *env {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	if _, err := setup.Prepare(ctx, st, log, setup.Options{AdminPassword: testPassword}); err != nil {
		t.Fatal(err)
	}
	srv, err := site.New(st, log, web.Options{SecureCookies: true})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, store: st, server: srv, users: map[string]*auth.User{}, cookies: map[string]string{}}
	sys := congthuong.NewContext(ctx, congthuong.System())
	for _, u := range []*auth.User{
		{Username: "officer31", Role: congthuong.RoleOfficer, UnitCode: "31"},
		{Username: "officer01", Role: congthuong.RoleOfficer, UnitCode: "01"},
		{Username: "leader31", Role: congthuong.RoleLeader, UnitCode: "31"},
		{Username: "thuynguyen", Role: congthuong.RoleCommune, UnitCode: "11560"},
		{Username: "cathai", Role: congthuong.RoleCommune, UnitCode: "11914"},
		{Username: "owner", Role: congthuong.RoleEnterprise, UnitCode: "31", TaxCode: "0100233488"},
		{Username: "admin31", Role: congthuong.RoleAdmin, UnitCode: "31"},
	} {
		u.DisplayName, u.Active = u.Username, true
		if err := st.CreateUser(sys, u, testPassword); err != nil {
			t.Fatal(err)
		}
		e.users[u.Username] = u
	}
	admin, err := st.FindUserByUsername(ctx, setup.AdminUsername)
	if err != nil {
		t.Fatal(err)
	}
	e.users["admin"] = admin
	for name, u := range e.users {
		tok, err := st.CreateSession(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		e.cookies[name] = tok
	}
	for _, ent := range []*enterprise.Enterprise{
		{TaxCode: "0100233488", Name: "Công ty Cổ phần Thủy Nguyên", UnitCode: "11560"},
		{TaxCode: "0314409058", Name: "Công ty TNHH Cát Hải", UnitCode: "11914"},
	} {
		if err := st.CreateEnterprise(sys, ent); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// do sends a request as the named user ("" for anonymous).
func (e *env) do(user, method, target, contentType string, body []byte) *httptest.ResponseRecorder {
	e.t.Helper()
	r := httptest.NewRequest(method, target, bytes.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if user != "" {
		tok, ok := e.cookies[user]
		if !ok {
			e.t.Fatalf("no user %q", user)
		}
		r.AddCookie(&http.Cookie{Name: "ct_session", Value: tok})
	}
	w := httptest.NewRecorder()
	e.server.ServeHTTP(w, r)
	if strings.HasPrefix(target, "/api/v1/") {
		validateAgainstOpenAPI(e.t, e.server.OpenAPI(), r, body, w)
	}
	return w
}

var (
	openAPIDoc    *openapi3.T
	openAPIRouter routers.Router
)

func loadOpenAPI(t testing.TB, merged []byte) (*openapi3.T, routers.Router) {
	t.Helper()
	if openAPIDoc == nil {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(merged)
		if err != nil {
			t.Fatalf("openapi.json: %v", err)
		}
		if err := doc.Validate(context.Background()); err != nil {
			t.Fatalf("openapi.json is not a valid document: %v", err)
		}
		// Binary downloads are checked for their status and content type only.
		for _, ct := range []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg",
			"image/webp", "image/gif", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation"} {
			openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
		}
		router, err := legacy.NewRouter(doc)
		if err != nil {
			t.Fatal(err)
		}
		openAPIDoc, openAPIRouter = doc, router
	}
	return openAPIDoc, openAPIRouter
}

// validateAgainstOpenAPI checks that a response matches the document: the
// route exists, the status is declared, and the body fits the schema.
func validateAgainstOpenAPI(t *testing.T, merged []byte, r *http.Request, body []byte, w *httptest.ResponseRecorder) {
	t.Helper()
	_, router := loadOpenAPI(t, merged)
	req := r.Clone(context.Background())
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.URL.Scheme, req.URL.Host = "", ""
	route, params, err := router.FindRoute(req)
	if err != nil {
		if w.Code == http.StatusNotFound || w.Code == http.StatusMethodNotAllowed {
			return // an undocumented path answered "not found", as it should
		}
		t.Errorf("%s %s: not in openapi.json: %v", r.Method, r.URL.Path, err)
		return
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, ExcludeRequestBody: true}}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: w.Code, Header: w.Header(),
		Body: io.NopCloser(bytes.NewReader(w.Body.Bytes())), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s %s → %d does not match openapi.json: %v", r.Method, r.URL, w.Code, err)
	}
}

// formFile is a file part of a multipart form.
type formFile struct {
	name    string
	content []byte
}

// multipartForm builds a multipart body of fields (name, value pairs) and
// "file" parts, failing the test, never panicking, when it cannot.
func multipartForm(t *testing.T, fields []string, files ...formFile) (contentType string, body []byte) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := mw.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile("file", f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(f.content); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), b.Bytes()
}
