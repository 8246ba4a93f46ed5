package web

import (
	"fmt"
	"net/http"

	"congthuong/internal/store"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

// unitFilter reads the unit query parameters shared by the page and the API.
func (s *Server) unitFilter(r *http.Request) (unitdb.UnitFilter, error) {
	q := r.URL.Query()
	page, err := ListPage(q)
	if err != nil {
		return unitdb.UnitFilter{}, err
	}
	f := unitdb.UnitFilter{Q: q.Get("q"), Level: unit.Level(q.Get("level")), Parent: q.Get("parent"),
		ValidOn: q.Get("valid_on"), Page: page}
	if f.ValidOn == "" {
		f.ValidOn = unit.Today(s.store.Now())
	}
	return f, nil
}

func (s *Server) apiListUnits(w http.ResponseWriter, r *http.Request) error {
	f, err := s.unitFilter(r)
	if err != nil {
		return err
	}
	return s.unitCache.serveJSON(w, r, fmt.Sprintf("list %+v", f), func() (any, error) {
		units, total, err := s.store.FindUnits(r.Context(), f)
		return NewList(units, total, f.Page), err
	})
}

func (s *Server) apiGetUnit(w http.ResponseWriter, r *http.Request) error {
	day := r.URL.Query().Get("valid_on")
	if day == "" {
		day = unit.Today(s.store.Now())
	}
	code := r.PathValue("code")
	return s.unitCache.serveJSON(w, r, "unit "+code+" "+day, func() (any, error) {
		return s.store.FindUnit(r.Context(), code, day)
	})
}

func (s *Server) apiListGroups(w http.ResponseWriter, r *http.Request) error {
	groups, err := s.store.FindGroups(r.Context())
	if err != nil {
		return err
	}
	if groups == nil {
		groups = []unit.Group{}
	}
	WriteJSON(w, http.StatusOK, map[string]any{"items": groups})
	return nil
}

// showUnits lists provinces by default, or the units matching a search.
func (s *Server) showUnits(w http.ResponseWriter, r *http.Request) error {
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
	units, total, err := s.store.FindUnits(r.Context(), f)
	if err != nil {
		p := s.PrinterFor(r)
		fields, msg := FormErrors(p, err)
		s.Render(w, r, http.StatusBadRequest, "units", &View{Title: p.T("units.title"), Nav: "units", Error: msg, Errors: fields,
			D: map[string]any{"Filter": form, "Units": nil, "Pager": Pager{}}})
		return nil
	}
	s.Render(w, r, http.StatusOK, "units", &View{Title: s.PrinterFor(r).T("units.title"), Nav: "units",
		D: map[string]any{"Filter": form, "Units": units, "Pager": NewPager(total, f.Page), "Searching": searching}})
	return nil
}

// showUnit shows one unit on a day, its history under the same code, and,
// for a province, its communes.
func (s *Server) showUnit(w http.ResponseWriter, r *http.Request) error {
	day := r.URL.Query().Get("valid_on")
	if day == "" {
		day = unit.Today(s.store.Now())
	}
	code := r.PathValue("code")
	u, err := s.store.FindUnit(r.Context(), code, day)
	if err != nil {
		return err
	}
	history, err := s.store.UnitHistory(r.Context(), code)
	if err != nil {
		return err
	}
	d := map[string]any{"Unit": u, "History": history, "Day": day}
	if u.Level == unit.Province || u.Level == unit.Country {
		children, _, err := s.store.FindUnits(r.Context(), unitdb.UnitFilter{Parent: u.Code, ValidOn: day,
			Page: store.Page{Limit: store.MaxLimit}})
		if err != nil {
			return err
		}
		d["Children"] = children
	}
	if u.ParentCode != "" && u.ParentCode != "VN" {
		if parent, err := s.store.FindUnit(r.Context(), u.ParentCode, day); err == nil {
			d["Parent"] = parent
		}
	}
	s.Render(w, r, http.StatusOK, "unit", &View{Title: u.FullName, Nav: "units", D: d})
	return nil
}
