package web

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"congthuong"
)

// Limits on what a request's address carries: a search of fifty thousand
// characters reached the database and failed there (SQLite refuses LIKE
// patterns that long) with a 500.
const (
	maxQueryBytes  = 4096
	maxSearchRunes = 200
)

// limitQuery refuses a request whose query string, or search words (q),
// are longer than anyone types, before any handler reads them.
func (s *Server) limitQuery(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var err error
		switch {
		case len(r.URL.RawQuery) > maxQueryBytes:
			err = &congthuong.Error{Code: congthuong.EINVALID, Message: "invalid query",
				Fields: []congthuong.FieldError{{Field: "query", Message: fmt.Sprintf("the address is longer than %d characters", maxQueryBytes)}}}
		case strings.Contains(r.URL.RawQuery, "q="):
			if q := r.URL.Query().Get("q"); utf8.RuneCountInString(q) > maxSearchRunes {
				err = &congthuong.Error{Code: congthuong.EINVALID, Message: "invalid query",
					Fields: []congthuong.FieldError{{Field: "q", Message: fmt.Sprintf("search with at most %d characters", maxSearchRunes)}}}
			}
		}
		if err != nil {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				s.writeAPIError(w, r, err)
			} else {
				s.renderError(w, r, err)
			}
			return
		}
		next.ServeHTTP(w, r)
	})
}
