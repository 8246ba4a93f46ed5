package newsweb

import (
	"net/http"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/web"
)

// search finds published articles for the one search.
func (s *handlers) search(r *http.Request, q string) ([]web.SearchHit, error) {
	items, _, err := s.news.List(congthuong.NewContext(r.Context(), congthuong.Actor{}), newsdb.Filter{Q: q,
		Page: db.Page{Limit: web.SearchPerKind}})
	if err != nil {
		return nil, err
	}
	lang := s.PrinterFor(r).Lang()
	out := make([]web.SearchHit, len(items))
	for i, a := range items {
		t := a.In(lang)
		out[i] = web.SearchHit{Kind: "news", Title: t.Title, Text: web.Snippet(q, t.Summary+" "+t.Body, 220), URL: "/news/" + a.Slug}
		if lang == "en" && !a.Has("en") {
			out[i].Lang, out[i].TextLang = "vi", "vi"
		}
	}
	return out, nil
}
