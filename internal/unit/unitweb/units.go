// Package unitweb serves the administrative units: the provinces and communes in force on a day, their history and groups.
package unitweb

import (
	"fmt"
	"html/template"
	"net/http"

	"congthuong/internal/db"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

// unitFilter reads the unit query parameters shared by the page and the API.
func (s *handlers) unitFilter(r *http.Request) (unitdb.UnitFilter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if err != nil {
		return unitdb.UnitFilter{}, err
	}
	f := unitdb.UnitFilter{Q: q.Get("q"), Level: unit.Level(q.Get("level")), Parent: q.Get("parent"),
		ValidOn: q.Get("valid_on"), Page: page}
	if f.ValidOn == "" {
		f.ValidOn = unit.Today(s.Now())
	}
	return f, nil
}

func (s *handlers) apiListUnits(w http.ResponseWriter, r *http.Request) error {
	f, err := s.unitFilter(r)
	if err != nil {
		return err
	}
	return s.cache.ServeJSON(w, r, fmt.Sprintf("list %+v", f), func() (any, error) {
		units, total, err := s.units.FindUnits(r.Context(), f)
		return web.NewList(units, total, f.Page), err
	})
}

func (s *handlers) apiGetUnit(w http.ResponseWriter, r *http.Request) error {
	day := r.URL.Query().Get("valid_on")
	if day == "" {
		day = unit.Today(s.Now())
	}
	code := r.PathValue("code")
	return s.cache.ServeJSON(w, r, "unit "+code+" "+day, func() (any, error) {
		return s.units.FindUnit(r.Context(), code, day)
	})
}

func (s *handlers) apiListGroups(w http.ResponseWriter, r *http.Request) error {
	groups, err := s.units.FindGroups(r.Context())
	if err != nil {
		return err
	}
	if groups == nil {
		groups = []unit.Group{}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": groups})
	return nil
}

// unitsPage is the units' list: the search as typed, and what it found.
type unitsPage struct {
	Filter    unitdb.UnitFilter
	Units     []unit.Unit
	Facts     map[string]factsView
	Map       template.HTML
	Pager     web.Pager
	Searching bool
}

// unitPage is one unit on a day, its parent, its history under the same
// code and, for a province, its communes.
type unitPage struct {
	Unit       unit.Unit
	Facts      factsView
	Parent     *unit.Unit
	History    []unit.Unit
	Children   []unit.Unit
	ChildFacts map[string]factsView
	Day        string
}

// showUnits lists provinces by default, or the units matching a search.
func (s *handlers) showUnits(w http.ResponseWriter, r *http.Request) error {
	f, err := s.unitFilter(r)
	if err != nil {
		return err
	}
	// The form shows what the visitor asked for; without a search or a
	// level, the page lists the provinces.
	form := f
	searching := f.Q != ""
	if !searching && f.Level == "" && f.Parent == "" {
		f.Level = unit.Province
	}
	if f.Page.Limit == 0 {
		f.Page.Limit = 100
	}
	units, total, err := s.units.FindUnits(r.Context(), f)
	if err != nil {
		p := s.PrinterFor(r)
		fields, msg := web.FormErrors(p, err)
		web.Show(s.Server, w, r, http.StatusBadRequest, "units", &web.View{Title: p.T("units.title"), Nav: "units", Error: msg, Errors: fields},
			unitsPage{Filter: form})
		return nil
	}
	p := s.PrinterFor(r)
	x := s.UnitFacts()
	page := unitsPage{Filter: form, Units: units, Facts: map[string]factsView{}, Pager: web.NewPager(total, f.Page), Searching: searching}
	for _, u := range units {
		page.Facts[u.Code] = factsOf(p, x, u)
	}
	if !searching && f.Level == unit.Province && f.Page.Offset == 0 {
		page.Map = s.densityMap(p, x, units)
	}
	web.Show(s.Server, w, r, http.StatusOK, "units", &web.View{Title: p.T("units.title"), Nav: "units"}, page)
	return nil
}

// showUnit shows one unit on a day, its history under the same code, and,
// for a province, its communes.
func (s *handlers) showUnit(w http.ResponseWriter, r *http.Request) error {
	day := r.URL.Query().Get("valid_on")
	if day == "" {
		day = unit.Today(s.Now())
	}
	code := r.PathValue("code")
	u, err := s.units.FindUnit(r.Context(), code, day)
	if err != nil {
		return err
	}
	history, err := s.units.UnitHistory(r.Context(), code)
	if err != nil {
		return err
	}
	x := s.UnitFacts()
	p := s.PrinterFor(r)
	d := unitPage{Unit: u, Facts: factsOf(p, x, u), History: history, Day: day, ChildFacts: map[string]factsView{}}
	if u.Level == unit.Province || u.Level == unit.Country {
		children, _, err := s.units.FindUnits(r.Context(), unitdb.UnitFilter{Parent: u.Code, ValidOn: day,
			Page: db.Page{Limit: db.MaxLimit}})
		if err != nil {
			return err
		}
		d.Children = children
		for _, c := range children {
			d.ChildFacts[c.Code] = factsOf(p, x, c)
		}
	}
	if u.ParentCode != "" && u.ParentCode != "VN" {
		if parent, err := s.units.FindUnit(r.Context(), u.ParentCode, day); err == nil {
			d.Parent = &parent
		}
	}
	web.Show(s.Server, w, r, http.StatusOK, "unit", &web.View{Title: p.Name(u.Title()), Nav: "units"}, d)
	return nil
}
