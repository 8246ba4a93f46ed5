package enterpriseweb

import (
	"net/http"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/web"
)

// search finds enterprises for the one search: staff find those of their
// scope and open their records; anyone else finds what the business
// register publishes (name, tax code), without a page to open.
func (s *handlers) search(r *http.Request, q string) ([]web.SearchHit, error) {
	actor := congthuong.ActorFrom(r.Context())
	if actor.IsStaff() {
		found, _, err := s.enterprises.FindEnterprises(r.Context(), enterprisedb.EnterpriseFilter{Q: q, Page: db.Page{Limit: web.SearchPerKind}})
		if err != nil {
			return nil, err
		}
		out := make([]web.SearchHit, len(found))
		for i, e := range found {
			out[i] = web.SearchHit{Kind: "enterprise", Title: e.Name, Lang: "vi", Text: e.TaxCode, URL: "/enterprises/" + e.TaxCode}
		}
		return out, nil
	}
	found, err := s.enterprises.SearchPublic(r.Context(), q, web.SearchPerKind)
	if err != nil {
		return nil, err
	}
	out := make([]web.SearchHit, len(found))
	for i, e := range found {
		out[i] = web.SearchHit{Kind: "enterprise", Title: e.Name, Lang: "vi", Text: e.TaxCode}
	}
	return out, nil
}
