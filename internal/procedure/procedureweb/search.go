package procedureweb

import (
	"net/http"

	"congthuong/internal/db"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/web"
)

// search finds procedures for the one search.
func (s *handlers) search(r *http.Request, q string) ([]web.SearchHit, error) {
	procs, _, err := s.procedures.FindProcedures(r.Context(), proceduredb.ProcedureFilter{Q: q, Page: db.Page{Limit: web.SearchPerKind}})
	if err != nil {
		return nil, err
	}
	p := s.PrinterFor(r)
	out := make([]web.SearchHit, len(procs))
	for i, x := range procs {
		name, lang := web.NameIn(p, x.Name())
		out[i] = web.SearchHit{Kind: "procedure", Title: name, Lang: lang, URL: "/procedures/" + x.Code,
			Text: p.T("procedures.level_" + x.Level)}
	}
	return out, nil
}
