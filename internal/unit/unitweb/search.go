package unitweb

import (
	"net/http"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

// search finds administrative units in force today for the one search.
func (s *handlers) search(r *http.Request, q string) ([]web.SearchHit, error) {
	units, _, err := s.units.FindUnits(r.Context(), unitdb.UnitFilter{Q: q, ValidOn: unit.Today(s.Now()),
		Page: db.Page{Limit: web.SearchPerKind}})
	if err != nil {
		return nil, err
	}
	p := s.PrinterFor(r)
	out := make([]web.SearchHit, len(units))
	for i, u := range units {
		name, lang := web.NameIn(p, congthuong.Name{VI: u.FullName, EN: u.NameEN})
		out[i] = web.SearchHit{Kind: "unit", Title: name, Lang: lang, URL: "/units/" + u.Code, Text: p.T("units.level_" + string(u.Level))}
	}
	return out, nil
}
