package qaweb

import (
	"net/http"
	"strconv"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/web"
)

// search finds published answers for the one search.
func (s *handlers) search(r *http.Request, q string) ([]web.SearchHit, error) {
	items, _, err := s.questions.List(congthuong.NewContext(r.Context(), congthuong.Actor{}), qadb.Filter{Q: q,
		Page: db.Page{Limit: web.SearchPerKind}})
	if err != nil {
		return nil, err
	}
	out := make([]web.SearchHit, len(items))
	for i, x := range items {
		out[i] = web.SearchHit{Kind: "question", Title: x.Title, Text: web.Snippet(q, x.Body+" "+x.Answer, 220),
			URL: "/questions/" + strconv.FormatInt(x.ID, 10), Lang: "vi", TextLang: "vi"}
	}
	return out, nil
}
