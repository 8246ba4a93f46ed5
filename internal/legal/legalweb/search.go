package legalweb

import (
	"net/http"

	"congthuong/internal/db"
	"congthuong/internal/legal/legaldb"
	"congthuong/internal/web"
)

// search finds documents of the library for the one search.
func (s *handlers) search(r *http.Request, q string) ([]web.SearchHit, error) {
	docs, _, err := s.library.List(r.Context(), legaldb.Filter{Q: q, Page: db.Page{Limit: web.SearchPerKind}})
	if err != nil {
		return nil, err
	}
	p := s.PrinterFor(r)
	out := make([]web.SearchHit, len(docs))
	for i, d := range docs {
		out[i] = web.SearchHit{Kind: "document", Title: p.T("legal.type_"+d.Type) + " " + d.Number + " — " + d.Title(p.Lang()),
			Text: web.Snippet(q, d.Abstract(p.Lang()), 220), URL: "/documents/" + d.Slug}
		if p.Lang() == "en" && d.TitleEN == "" {
			out[i].Lang, out[i].TextLang = "vi", "vi"
		}
	}
	return out, nil
}
