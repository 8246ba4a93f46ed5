package unitweb

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

// shippedCredit is the licence's attribution of the shipped outlines.
const shippedCredit = "geoBoundaries (Runfola et al. 2020), CC BY 4.0"

// outlines caches the boundaries as GeoJSON by province asked (and ""
// for the country), built at first use and dropped when an administrator
// loads or removes boundaries: maps draw them under the sites, so that a
// site is seen in its commune and province and by the sea, offline.
type outlines struct {
	mu     sync.Mutex
	bodies map[string][]byte
}

func (o *outlines) get(key string) ([]byte, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	b, ok := o.bodies[key]
	return b, ok
}

func (o *outlines) put(key string, b []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.bodies == nil {
		o.bodies = map[string][]byte{}
	}
	o.bodies[key] = b
}

func (o *outlines) reset() {
	o.mu.Lock()
	o.bodies = nil
	o.mu.Unlock()
}

// serveOutlines answers /units/outlines.geojson: a FeatureCollection of
// the 34 provinces, MultiPolygons keyed by code with their level and
// name, and with ?province= also that province's communes when an
// administrator loaded them. Provinces come from the loaded boundaries
// when there are, else from the shipped geoBoundaries file (CC BY 4.0),
// simplified to about a kilometre. "attribution" credits every source
// drawn.
func (s *handlers) serveOutlines(w http.ResponseWriter, r *http.Request) error {
	province := r.URL.Query().Get("province")
	if len(province) != 2 || strings.Trim(province, "0123456789") != "" {
		province = ""
	}
	body, ok := s.outlines.get(province)
	if !ok {
		var err error
		if body, err = s.buildOutlines(r, province); err != nil {
			return err
		}
		s.outlines.put(province, body)
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(body)
	return nil
}

func (s *handlers) buildOutlines(r *http.Request, province string) ([]byte, error) {
	loaded, err := s.units.Outlines(r.Context(), province)
	if err != nil {
		return nil, err
	}
	sets, err := s.units.OutlineSets(r.Context())
	if err != nil {
		return nil, err
	}
	ix, err := s.units.Index(r.Context())
	if err != nil {
		return nil, err
	}
	today := unit.Today(s.Now())
	name := func(code string) string {
		u, _ := ix.Resolve(code, today, today)
		return u.Name
	}
	var credits []string
	var features []unit.Outline
	hasProvinces := false
	for _, o := range loaded {
		hasProvinces = hasProvinces || o.Level == unit.Province
	}
	if !hasProvinces {
		credits = append(credits, shippedCredit)
		for _, sh := range s.UnitFacts().Shapes {
			features = append(features, unit.Outline{Code: sh.Code, Level: unit.Province, Province: sh.Code, Rings: sh.Rings})
		}
	}
	for _, set := range sets {
		if set.Level == unit.Province || province != "" {
			credits = append(credits, set.Source)
		}
	}
	features = append(features, loaded...)
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","attribution":` + strconv.Quote(strings.Join(credits, "; ")) + `,"features":[`)
	for i, o := range features {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"type":"Feature","id":` + strconv.Quote(o.Code) + `,"properties":{"code":` + strconv.Quote(o.Code) +
			`,"level":` + strconv.Quote(string(o.Level)) + `,"name":` + strconv.Quote(name(o.Code)) + `},"geometry":{"type":"MultiPolygon","coordinates":[`)
		digits := 3
		if o.Level == unit.Commune {
			digits = 4
		}
		for j, ring := range o.Rings {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString("[[")
			for k, p := range ring {
				if k > 0 {
					b.WriteByte(',')
				}
				b.WriteByte('[')
				b.WriteString(strconv.FormatFloat(p[0], 'f', digits, 64))
				b.WriteByte(',')
				b.WriteString(strconv.FormatFloat(p[1], 'f', digits, 64))
				b.WriteByte(']')
			}
			b.WriteString("]]")
		}
		b.WriteString("]}}")
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// outlinesPage is the administrator's page of boundaries: what is loaded
// for each level, and the form to load a file.
type outlinesPage struct {
	Sets   []unitdb.OutlineSet
	Source string
	web.ImportOutcome
}

func (s *handlers) showOutlines(w http.ResponseWriter, r *http.Request) error {
	return s.renderOutlines(w, r, outlinesPage{}, nil)
}

func (s *handlers) renderOutlines(w http.ResponseWriter, r *http.Request, d outlinesPage, err error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsAdmin() {
		return web.ForbiddenOrLogin(a)
	}
	sets, serr := s.units.OutlineSets(r.Context())
	if serr != nil {
		return serr
	}
	d.Sets = sets
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("outlines.title"), Nav: "outlines"}
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	}
	web.Show(s.Server, w, r, status, "outlines", v, d)
	return nil
}

// doOutlines loads a boundary file, all or nothing.
func (s *handlers) doOutlines(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsAdmin() {
		return web.ForbiddenOrLogin(a)
	}
	f, err := s.ReceiveImport(w, r)
	source := r.FormValue("source")
	n := 0
	if err == nil {
		defer f.Release()
		n, err = s.loadOutlines(f.Ctx, source, f.Body)
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
		return err
	}
	if err == nil {
		s.Flash(w, "outlines.loaded")
		http.Redirect(w, r, "/admin/outlines", http.StatusSeeOther)
		return nil
	}
	return s.renderOutlines(w, r, outlinesPage{Source: source, ImportOutcome: web.Outcome(s.PrinterFor(r), db.ImportResult{Rows: n}, err)}, err)
}

func (s *handlers) loadOutlines(ctx context.Context, source string, body []byte) (int, error) {
	find, err := s.units.OutlineUnits(ctx, unit.Today(s.Now()))
	if err != nil {
		return 0, err
	}
	outlines, err := unit.ReadOutlines(bytes.TrimSpace(body), find)
	if err != nil {
		return 0, err
	}
	if err := s.units.ReplaceOutlines(ctx, source, outlines); err != nil {
		return 0, err
	}
	s.outlines.reset()
	return len(outlines), nil
}

// doRemoveOutlines drops the loaded boundaries of a level.
func (s *handlers) doRemoveOutlines(w http.ResponseWriter, r *http.Request) error {
	level := unit.Level(r.FormValue("level"))
	if level != unit.Province && level != unit.Commune {
		return congthuong.FieldErr(congthuong.EINVALID, "level", "outlines.bad_level")
	}
	if err := s.units.RemoveOutlines(r.Context(), level); err != nil {
		return err
	}
	s.outlines.reset()
	s.Flash(w, "outlines.removed")
	http.Redirect(w, r, "/admin/outlines", http.StatusSeeOther)
	return nil
}
