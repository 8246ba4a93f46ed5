package web

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// coreOpenAPI is the API document's frame (info, servers, security
// schemes, the shared parameters, responses and schemas) and the core's own
// paths. Each module adds its paths and components; the parts are written
// by hand, and the tests check that every route is in the merged document
// and that responses match it.
//
//go:embed openapi.json
var coreOpenAPI []byte

// OpenAPI returns the merged API document, served at
// /api/v1/openapi.json.
func (s *Server) OpenAPI() []byte { return s.openapi }

func (s *Server) serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(s.openapi)
}

// mergeOpenAPI merges the modules' parts into one document: the first part
// is the frame; the others may hold only paths, components and tags, and
// may not name a path or component another part has.
func mergeOpenAPI(modules []Module) ([]byte, error) {
	var doc map[string]any
	for i, m := range modules {
		if len(m.OpenAPI) == 0 {
			continue
		}
		var part map[string]any
		if err := json.Unmarshal(m.OpenAPI, &part); err != nil {
			return nil, fmt.Errorf("web: OpenAPI part of %s: %w", m.Name, err)
		}
		if doc == nil {
			if i != 0 || part["openapi"] == nil {
				return nil, fmt.Errorf("web: the first module (%s) must give the OpenAPI frame", m.Name)
			}
			doc = part
			continue
		}
		for key, v := range part {
			switch key {
			case "paths":
				if err := mergeNamed(doc, "paths", v, m.Name); err != nil {
					return nil, err
				}
			case "components":
				kinds, _ := v.(map[string]any)
				comps, _ := doc["components"].(map[string]any)
				if comps == nil {
					comps = map[string]any{}
					doc["components"] = comps
				}
				for kind, named := range kinds {
					if err := mergeNamed(comps, kind, named, m.Name); err != nil {
						return nil, err
					}
				}
			case "tags":
				tags, _ := doc["tags"].([]any)
				more, _ := v.([]any)
				doc["tags"] = append(tags, more...)
			default:
				return nil, fmt.Errorf("web: OpenAPI part of %s may not set %q", m.Name, key)
			}
		}
	}
	if doc == nil {
		return nil, fmt.Errorf("web: no OpenAPI document")
	}
	return json.MarshalIndent(doc, "", "  ")
}

// mergeNamed adds the entries of more (an object) to into[key], refusing
// one already there.
func mergeNamed(into map[string]any, key string, more any, module string) error {
	have, _ := into[key].(map[string]any)
	if have == nil {
		have = map[string]any{}
		into[key] = have
	}
	entries, ok := more.(map[string]any)
	if !ok {
		return fmt.Errorf("web: OpenAPI part of %s: %s is not an object", module, key)
	}
	for name, v := range entries {
		if _, dup := have[name]; dup {
			return fmt.Errorf("web: OpenAPI part of %s: %s %q is already given", module, key, name)
		}
		have[name] = v
	}
	return nil
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
