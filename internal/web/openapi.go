package web

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// OpenAPI is the API description served at /api/v1/openapi.json. It is
// written by hand; TestOpenAPI checks that every route is in it and that
// responses in the tests match it.
//
//go:embed openapi.json
var OpenAPI []byte

func (s *Server) serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(OpenAPI)
}

// loginRequired lists the API operations ("GET /api/v1/dossiers") whose
// security has no anonymous alternative: the document says who may call
// what, and routes() makes them answer 401 to the anonymous before any
// validation or lookup, so that an outsider learns nothing from them.
func loginRequired(doc []byte) (map[string]bool, error) {
	var d struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	out := map[string]bool{}
	for path, ops := range d.Paths {
		for method, raw := range ops {
			var op struct {
				Security []map[string][]string `json:"security"`
			}
			if method == "parameters" || json.Unmarshal(raw, &op) != nil {
				continue
			}
			anonymous := len(op.Security) == 0
			for _, alt := range op.Security {
				anonymous = anonymous || len(alt) == 0
			}
			out[strings.ToUpper(method)+" "+path] = !anonymous
		}
	}
	return out, nil
}

// requireLoginAPI answers 401 to an anonymous caller before h runs.
func (s *Server) requireLoginAPI(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := RequireLogin(r); err != nil {
			s.writeAPIError(w, r, err)
			return
		}
		h(w, r)
	}
}
