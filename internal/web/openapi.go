package web

import (
	_ "embed"
	"net/http"
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
