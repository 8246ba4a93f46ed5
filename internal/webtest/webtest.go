// Package webtest is what the web tests of every module share: a server
// over a fresh database with one user per role, requests as any of them,
// every API answer checked against the OpenAPI document, and multipart
// bodies.
package webtest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/enterprise"
	"congthuong/internal/i18n"
	"congthuong/internal/setup"
	"congthuong/internal/site"
	"congthuong/internal/store"
	"congthuong/internal/web"
)

const TestPassword = "test-password-123"

// Env is a server on a fresh database with one user per role and unit, and
// two enterprises: one in Phường Thủy Nguyên (11560), one in Đặc khu Cát Hải
// (11914), both in Hải Phòng (31).
type Env struct {
	T       *testing.T
	Store   *store.Store
	Server  *web.Server
	Users   map[string]*auth.User
	Cookies map[string]string
}

func NewEnv(t *testing.T, st *store.Store) *Env {
	t.Helper()
	t.Cleanup(func() {
		if ids := i18n.Missing(); len(ids) > 0 {
			t.Errorf("messages asked for that no catalogue gives: %q", ids)
		}
	})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	if _, err := setup.Prepare(ctx, st, log, setup.Options{AdminPassword: TestPassword}); err != nil {
		t.Fatal(err)
	}
	srv, err := site.New(st, log, web.Options{SecureCookies: true})
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{T: t, Store: st, Server: srv, Users: map[string]*auth.User{}, Cookies: map[string]string{}}
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
		if err := st.CreateUser(sys, u, TestPassword); err != nil {
			t.Fatal(err)
		}
		e.Users[u.Username] = u
	}
	admin, err := st.FindUserByUsername(ctx, setup.AdminUsername)
	if err != nil {
		t.Fatal(err)
	}
	e.Users["admin"] = admin
	for name, u := range e.Users {
		tok, err := st.CreateSession(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		e.Cookies[name] = tok
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

// Do sends a request as the named user ("" for anonymous).
func (e *Env) Do(user, method, target, contentType string, body []byte) *httptest.ResponseRecorder {
	e.T.Helper()
	r := httptest.NewRequest(method, target, bytes.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if user != "" {
		tok, ok := e.Cookies[user]
		if !ok {
			e.T.Fatalf("no user %q", user)
		}
		r.AddCookie(&http.Cookie{Name: "ct_session", Value: tok})
	}
	w := httptest.NewRecorder()
	e.Server.ServeHTTP(w, r)
	if strings.HasPrefix(target, "/api/v1/") {
		validateAgainstOpenAPI(e.T, e.Server.OpenAPI(), r, body, w)
	}
	return w
}

var (
	openAPIDoc    *openapi3.T
	openAPIRouter routers.Router
)

func LoadOpenAPI(t testing.TB, merged []byte) (*openapi3.T, routers.Router) {
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
	_, router := LoadOpenAPI(t, merged)
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

// FormFile is a file part of a multipart form.
type FormFile struct {
	Name    string
	Content []byte
}

// MultipartForm builds a multipart body of fields (name, value pairs) and
// "file" parts, failing the test, never panicking, when it cannot.
func MultipartForm(t *testing.T, fields []string, files ...FormFile) (contentType string, body []byte) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := mw.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile("file", f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(f.Content); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), b.Bytes()
}

func MustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func Between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

func MultipartFile(t *testing.T, name string, content []byte, fields map[string]string) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// EmptyRowsWorkbook is the attack on the imports: a small workbook whose
// sheet holds a header and then n rows of empty cells.
func EmptyRowsWorkbook(t *testing.T, header []string, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	part := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `+
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="v" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
	for i, h := range header {
		fmt.Fprintf(w, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
	}
	fmt.Fprint(w, `</row>`)
	bw := bufio.NewWriter(w)
	var row []byte
	for i := 2; i <= n+1; i++ {
		row = append(row[:0], `<row r="`...)
		row = strconv.AppendInt(row, int64(i), 10)
		row = append(row, `"><c r="A`...)
		row = strconv.AppendInt(row, int64(i), 10)
		row = append(row, `" t="inlineStr"><is><t></t></is></c></row>`...)
		bw.Write(row)
	}
	bw.Flush()
	fmt.Fprint(w, `</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
