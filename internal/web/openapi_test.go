package web_test

import (
	"io"
	"log/slog"
	"strings"
	"testing"

	"congthuong/internal/site"
	"congthuong/internal/storetest"
	"congthuong/internal/web"
	"congthuong/internal/webtest"
)

// TestOpenAPIRoutes checks that every API route is documented and every
// documented operation is served.
func TestOpenAPIRoutes(t *testing.T) {
	srv, err := site.New(storetest.SQLite(t), slog.New(slog.NewTextHandler(io.Discard, nil)), web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := webtest.LoadOpenAPI(t, srv.OpenAPI())
	served := map[string]bool{}
	for _, rt := range srv.APIRoutes() {
		key := rt.Method + " " + rt.Pattern
		served[key] = true
		item := doc.Paths.Find(rt.Pattern)
		if item == nil || item.GetOperation(rt.Method) == nil {
			t.Errorf("%s is served but not in openapi.json", key)
		}
	}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if !served[strings.ToUpper(method)+" "+path] {
				t.Errorf("%s %s is in openapi.json but not served", method, path)
			}
		}
	}
}
