package commerceweb

import (
	"net/http"
	"sort"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// summaryPage is the register rolled up: by kind, and by commune with a
// column per kind of the licences in force.
type summaryPage struct {
	Kinds    []kindTotal
	Communes []communeRow
}

type kindTotal struct {
	Kind                      commerce.Kind
	InForce, Expired, Stopped int
}

type communeRow struct {
	Code, Name string
	// InForce holds the licences in force of each kind, in the order of
	// the page's kinds.
	InForce []int
	Total   int
}

func (s *handlers) showSummary(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsStaff() {
		return web.ForbiddenOrLogin(a)
	}
	today := s.Today()
	rows, err := s.commerce.Summary(r.Context(), today)
	if err != nil {
		return err
	}
	ix, err := s.units.Index(r.Context())
	if err != nil {
		return err
	}
	kinds := commerce.Kinds()
	d := summaryPage{}
	at := map[string]int{}
	for i, k := range kinds {
		d.Kinds = append(d.Kinds, kindTotal{Kind: k})
		at[k.Code] = i
	}
	byUnit := map[string]*communeRow{}
	for _, row := range rows {
		i, ok := at[row.Kind]
		if !ok {
			continue
		}
		t := &d.Kinds[i]
		t.InForce, t.Expired, t.Stopped = t.InForce+row.InForce, t.Expired+row.Expired, t.Stopped+row.Stopped
		c := byUnit[row.UnitCode]
		if c == nil {
			u, _ := ix.Resolve(row.UnitCode, today, today)
			c = &communeRow{Code: row.UnitCode, Name: u.Name, InForce: make([]int, len(kinds))}
			byUnit[row.UnitCode] = c
		}
		c.InForce[i] += row.InForce
		c.Total += row.InForce
	}
	for _, c := range byUnit {
		d.Communes = append(d.Communes, *c)
	}
	sort.Slice(d.Communes, func(i, j int) bool { return unit.Fold(d.Communes[i].Name) < unit.Fold(d.Communes[j].Name) })
	p := s.PrinterFor(r)
	web.Show(s.Server, w, r, http.StatusOK, "licences_summary", &web.View{Title: p.T("licences.summary"), Nav: "licences"}, d)
	return nil
}
