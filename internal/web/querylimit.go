package web

import (
	"net/http"
	"net/url"
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
// are longer than anyone types, or whose address holds a NUL character or
// bytes that are not UTF-8 (which one database stores and the other
// refuses), before any handler reads them.
func (s *Server) limitQuery(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var err error
		switch {
		case !cleanText(r.URL.Path) || !cleanQuery(r.URL.RawQuery):
			err = errBadText
		case len(r.URL.RawQuery) > maxQueryBytes:
			err = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.invalid_query",
				Fields: []congthuong.FieldError{{Field: "query", Message: "web.address_longer_than_characters", Args: []any{maxQueryBytes}}}}
		case strings.Contains(r.URL.RawQuery, "q="):
			if q := r.URL.Query().Get("q"); utf8.RuneCountInString(q) > maxSearchRunes {
				err = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.invalid_query",
					Fields: []congthuong.FieldError{{Field: "q", Message: "web.search_at_most_characters", Args: []any{maxSearchRunes}}}}
			}
		}
		if err == nil && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			// A form's fields are read here, once (ParseForm keeps them);
			// a malformed form is its handler's to refuse.
			if r.ParseForm() == nil {
				err = CleanForm(r)
			}
		}
		if err != nil {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				s.writeAPIError(w, r, err)
			} else {
				s.RenderError(w, r, err)
			}
			return
		}
		next.ServeHTTP(w, r)
	})
}

// cleanText reports whether s is UTF-8 without NUL characters.
func cleanText(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// cleanQuery reports whether a raw query decodes to clean text.
func cleanQuery(raw string) bool {
	if !strings.ContainsAny(raw, "%+") {
		return cleanText(raw)
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return true // a malformed query is the handler's to refuse
	}
	for k, vs := range v {
		if !cleanText(k) {
			return false
		}
		for _, x := range vs {
			if !cleanText(x) {
				return false
			}
		}
	}
	return true
}

// CleanForm refuses a parsed form (fields of a multipart one included)
// whose names or values are not clean text.
func CleanForm(r *http.Request) error {
	for k, vs := range r.Form {
		if !cleanText(k) {
			return errBadText
		}
		for _, v := range vs {
			if !cleanText(v) {
				return errBadText
			}
		}
	}
	if r.MultipartForm != nil {
		for _, hs := range r.MultipartForm.File {
			for _, h := range hs {
				if !cleanText(h.Filename) {
					return errBadText
				}
			}
		}
	}
	return nil
}
