package commerceweb

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// retailPage lists a province's supermarkets, shopping centres and
// convenience stores with their class under the scheme in force and the
// draft.
type retailPage struct {
	Items    []retailRow
	Pager    web.Pager
	F        commercedb.PlaceFilter
	Kinds    []string
	Communes []unit.Unit
	Schemes  []string
	CanWrite bool
}

// retailRow is a store with its commune and its class by scheme, in the
// order of the page's schemes.
type retailRow struct {
	*commerce.RetailStore
	Commune string
	Classes []int
}

func (s *handlers) retailRows(r *http.Request, items []*commerce.RetailStore) ([]retailRow, error) {
	ix, err := s.units.Index(r.Context())
	if err != nil {
		return nil, err
	}
	today := s.Today()
	out := make([]retailRow, len(items))
	for i, st := range items {
		u, _ := ix.Resolve(st.UnitCode, today, today)
		row := retailRow{RetailStore: st, Commune: u.Name}
		for _, sc := range commerce.RetailSchemes() {
			row.Classes = append(row.Classes, st.ClassUnder(sc))
		}
		out[i] = row
	}
	return out, nil
}

func (s *handlers) showRetail(w http.ResponseWriter, r *http.Request) error {
	f, err := s.placeFilter(r, "kind")
	if err != nil {
		return err
	}
	page := f.Page
	items, total, err := s.commerce.ListRetailStores(r.Context(), f)
	if err != nil {
		return err
	}
	rows, err := s.retailRows(r, items)
	if err != nil {
		return err
	}
	d := retailPage{Items: rows, Pager: web.NewPager(total, page), F: f, Kinds: commerce.RetailKinds, Schemes: commerce.RetailSchemes(),
		CanWrite: congthuong.ActorFrom(r.Context()).CanWrite()}
	if f.Province != "" {
		if d.Communes, err = s.communesOf(r.Context(), f.Province, s.Today()); err != nil {
			return err
		}
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("retail.title"), Nav: "markets", Meta: web.Meta{Description: p.T("retail.lead"), Canonical: "/retail"}}
	web.Show(s.Server, w, r, http.StatusOK, "retail", v, d)
	return nil
}

// retailForm is the form to record or change a store.
type retailForm struct {
	S           commerce.RetailStore
	Area, Items string
	Lon, Lat    string
	Kinds       []string
	Assortments []string
	Communes    []unit.Unit
	New         bool
}

func (s *handlers) renderRetailForm(w http.ResponseWriter, r *http.Request, status int, d retailForm, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	communes, err := s.communes(r.Context(), s.Today())
	if err != nil {
		return err
	}
	d.Communes, d.Kinds, d.Assortments = communes, commerce.RetailKinds, commerce.RetailAssortments
	if d.Area == "" && (d.S.AreaM2 > 0 || !d.New) {
		d.Area, d.Items = strconv.Itoa(d.S.AreaM2), strconv.Itoa(d.S.Items)
	}
	if d.S.Lon != nil && d.Lon == "" {
		d.Lon, d.Lat = strconv.FormatFloat(*d.S.Lon, 'f', -1, 64), strconv.FormatFloat(*d.S.Lat, 'f', -1, 64)
	}
	p := s.PrinterFor(r)
	title := p.T("retail.new")
	if !d.New {
		title = d.S.Name
	}
	v := &web.View{Title: title, Nav: "markets", Anchors: map[string]string{"unit_code": "unit"}}
	v.SetFormErrors(p, ferr)
	web.Show(s.Server, w, r, status, "retail_form", v, d)
	return nil
}

func (s *handlers) showNewRetail(w http.ResponseWriter, r *http.Request) error {
	return s.renderRetailForm(w, r, http.StatusOK, retailForm{New: true, S: commerce.RetailStore{Kind: "supermarket", Assortment: "general",
		UnitCode: web.DefaultUnit(congthuong.ActorFrom(r.Context()))}}, nil)
}

func (s *handlers) retailID(r *http.Request) (int64, error) { return pathID(r, "commerce.no_retail") }

func (s *handlers) showEditRetail(w http.ResponseWriter, r *http.Request) error {
	id, err := s.retailID(r)
	if err != nil {
		return err
	}
	st, err := s.commerce.FindRetailStore(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderRetailForm(w, r, http.StatusOK, retailForm{S: *st}, nil)
}

func retailFromForm(f url.Values) (commerce.RetailStore, retailForm, error) {
	st := commerce.RetailStore{Name: f.Get("name"), Kind: f.Get("kind"), Assortment: f.Get("assortment"), Chain: f.Get("chain"),
		UnitCode: f.Get("unit_code"), Address: f.Get("address"), OperatorName: f.Get("operator_name"), OperatorTaxCode: f.Get("operator_tax_code")}
	st.Version, _ = strconv.Atoi(f.Get("version"))
	d := retailForm{Area: strings.TrimSpace(f.Get("area_m2")), Items: strings.TrimSpace(f.Get("items")), Lon: strings.TrimSpace(f.Get("lon")),
		Lat: strings.TrimSpace(f.Get("lat"))}
	var v congthuong.Validation
	for name, c := range map[string]struct {
		raw string
		to  *int
	}{"area_m2": {d.Area, &st.AreaM2}, "items": {d.Items, &st.Items}} {
		if c.raw == "" {
			continue
		}
		n, err := strconv.Atoi(strings.NewReplacer(".", "", ",", "", " ", "").Replace(c.raw))
		if err != nil {
			v.Add(name, "commerce.market_number")
			continue
		}
		*c.to = n
	}
	var ok bool
	if st.Lon, st.Lat, ok = commerce.ParsePoint(d.Lon, d.Lat); !ok {
		v.Add("lat", "commerce.both_lon_lat")
	}
	return st, d, v.Err("commerce.invalid_retail")
}

func (s *handlers) doSaveRetail(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	isNew := r.PathValue("id") == ""
	var id int64
	if !isNew {
		var err error
		if id, err = s.retailID(r); err != nil {
			return err
		}
	}
	st, d, err := retailFromForm(r.PostForm)
	st.ID = id
	if err == nil {
		err = s.commerce.SaveRetailStore(r.Context(), &st)
	}
	if err != nil {
		if keepTyped(err) {
			st.Version = s.currentVersion(r, err, st.Version, "store", id)
			d.S, d.New = st, isNew
			return s.renderRetailForm(w, r, web.ErrorStatus(err), d, err)
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/retail?unit="+url.QueryEscape(st.UnitCode), http.StatusSeeOther)
	return nil
}

// apiRetailGeoJSON answers a province's stores with a place as GeoJSON
// points whose properties are their OpenStreetMap tags (shop=supermarket,
// shop=mall, shop=convenience …) with the register's id and classes.
func (s *handlers) apiRetailGeoJSON(w http.ResponseWriter, r *http.Request) error {
	features := []premiseFeature{}
	err := s.commerce.EachRetailStore(r.Context(), s.askedProvince(r), func(st *commerce.RetailStore) error {
		features = appendPlace(features, st.ID, st.UnitCode, st.ClassUnder(commerce.SchemeInForce()), st.Lon, st.Lat, st.OSMTags())
		return nil
	})
	if err != nil {
		return err
	}
	return writeGeoJSON(w, features)
}
