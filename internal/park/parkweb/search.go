package parkweb

import (
	"net/http"

	"congthuong/internal/db"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/web"
)

// search finds industrial parks and clusters the reader may see for the
// one search.
func (s *handlers) search(r *http.Request, q string) ([]web.SearchHit, error) {
	sites, _, err := s.parks.FindParks(r.Context(), parkdb.ParkFilter{Q: q, Page: db.Page{Limit: web.SearchPerKind}})
	if err != nil {
		return nil, err
	}
	p := s.PrinterFor(r)
	out := make([]web.SearchHit, len(sites))
	for i, x := range sites {
		name, lang := web.NameIn(p, x.Name())
		out[i] = web.SearchHit{Kind: "park", Title: name, Lang: lang, URL: "/parks/" + x.Code, Text: p.T("parks.kind_" + string(x.Kind))}
	}
	return out, nil
}
