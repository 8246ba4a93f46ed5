package newsweb

import (
	"net/http"

	"congthuong/internal/news/newsdb"
	"congthuong/internal/web"
)

// apiArticle is an article as the API gives it: its text in both
// languages and its safe HTML.
type apiArticle struct {
	*newsdb.Article
	HTMLVI string `json:"html_vi"`
	HTMLEN string `json:"html_en,omitempty"`
}

func (s *handlers) apiNews(w http.ResponseWriter, r *http.Request) error {
	f, err := filterOf(r)
	if err != nil {
		return err
	}
	items, total, err := s.news.List(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiArticle, len(items))
	for i, a := range items {
		out[i] = apiArticle{a, a.HTMLVI, a.HTMLEN}
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(out, total, f.Page))
	return nil
}

func (s *handlers) apiArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := s.news.Find(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, apiArticle{a, a.HTMLVI, a.HTMLEN})
	return nil
}
