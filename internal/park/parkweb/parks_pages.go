package parkweb

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

// maxCompare is how many sites the comparison shows side by side.
const maxCompare = 4

// parksPage is the investors' page: the filters as typed, the sites found
// with their totals, and the map's sources.
type parksPage struct {
	Filter                      parkdb.ParkFilter
	Query                       url.Values
	Types                       []park.Type
	Statuses                    []park.Status
	Items                       []*parkView
	Totals                      []parkdb.ParkTotals
	Pager                       web.Pager
	Provinces                   []unit.Unit
	GeoJSON, Tiles, Attribution string
	Export                      string
	// Layers are other modules' points the map offers beside the sites
	// (web.MapLayers), for the province chosen or the department's.
	Layers string
}

// parkPage is a site's page: the site, its unit, tenants, photos and
// documents, its map, and for staff its history.
type parkPage struct {
	S                           *parkView
	Plots                       []park.Plot
	PlotSum                     park.PlotSummary
	Unit                        *unit.Unit
	Tenants                     []*park.Tenant
	Photos, Documents           []parkdb.ParkFile
	Tiles, Attribution, GeoJSON string
	History                     []historyRow
	CanEdit                     bool
}

// parkComparePage is up to four sites side by side.
type parkComparePage struct{ Sites []*parkView }

// parkSummaryPage is the sites counted by province, or by commune.
type parkSummaryPage struct {
	Groups []parkdb.ParkGroupTotals
	Names  map[string]string
	By     string
	Filter parkdb.ParkFilter
	Totals []parkdb.ParkTotals
}

// parkForm is the form to register or edit a site: the site, and its
// values by column as the form shows them.
type parkForm struct {
	S        *park.Site
	New      bool
	Record   map[string]string
	Types    []park.Type
	Statuses []park.Status
}

// showParks is the investors' page: filters, a map of every matching site
// and the list with totals. The URL holds the filters, so a search can be
// shared; the map loads the GeoJSON of the same query.
func (s *handlers) showParks(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("parks.title"), Nav: "parks"}
	q := r.URL.Query()
	f, err := parkFilter(q)
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		d, err2 := s.parksPage(r, parkdb.ParkFilter{}, q)
		if err2 != nil {
			return err2
		}
		d.Filter = f
		web.Show(s.Server, w, r, web.ErrorStatus(err), "parks", v, d)
		return nil
	}
	return web.ShowCached(s.Server, s.public.Pages(r.Context()), w, r, "parks", v, func() (parksPage, error) {
		return s.parksPage(r, f, q)
	})
}

// parksPage is the data of the investors' page for the filter f, which
// the query q asked for.
func (s *handlers) parksPage(r *http.Request, f parkdb.ParkFilter, q url.Values) (parksPage, error) {
	d := parksPage{Filter: f, Query: q, Types: park.Types, Statuses: park.Statuses}
	sites, total, err := s.parks.FindParks(r.Context(), f)
	if err != nil {
		return d, err
	}
	totals, err := s.parks.SumParks(r.Context(), f)
	if err != nil {
		return d, err
	}
	views := make([]*parkView, len(sites))
	for i, site := range sites {
		views[i] = viewPark(r, site)
	}
	provinces, _, err := s.units.FindUnits(r.Context(), unitdb.UnitFilter{Level: unit.Province, ValidOn: s.Today(), Page: db.Page{Limit: 100, Sort: "name"}})
	if err != nil {
		return d, err
	}
	mapQuery := url.Values{}
	for k, vals := range q {
		if k != "limit" && k != "offset" {
			mapQuery[k] = vals
		}
	}
	d.Items, d.Totals, d.Pager, d.Provinces = views, totals, web.NewPager(total, f.Page), provinces
	d.GeoJSON = "/api/v1/parks.geojson?" + mapQuery.Encode()
	d.Tiles, d.Attribution = s.Options().MapTiles, s.Options().MapAttribution
	d.Export = mapQuery.Encode()
	province := f.Province
	if province == "" {
		province = s.Options().Department.Province
	}
	d.Layers = s.MapLayers(s.PrinterFor(r), province)
	return d, nil
}

// showPark is a site's page: free land, infrastructure, contacts and
// tenants for everyone; for staff also the law's warnings, the history and
// the edit button.
func (s *handlers) showPark(w http.ResponseWriter, r *http.Request) error {
	v := &web.View{Nav: "parks"}
	return web.ShowCached(s.Server, s.public.Pages(r.Context()), w, r, "park", v, func() (parkPage, error) {
		d, err := s.parkPage(r, r.PathValue("code"))
		if err == nil {
			v.Title = s.PrinterFor(r).Name(d.S.Name())
		}
		return d, err
	})
}

// parkPage is the data of the site code's page, for r's reader.
func (s *handlers) parkPage(r *http.Request, code string) (parkPage, error) {
	site, err := s.parks.FindPark(r.Context(), code)
	if err != nil {
		return parkPage{}, err
	}
	tenants, err := s.parks.Tenants(r.Context(), site.Code)
	if err != nil {
		return parkPage{}, err
	}
	files, err := s.parks.ParkFiles(r.Context(), site.Code)
	if err != nil {
		return parkPage{}, err
	}
	var photos, documents []parkdb.ParkFile
	for _, f := range files {
		if f.Kind == "photo" {
			photos = append(photos, f)
		} else {
			documents = append(documents, f)
		}
	}
	plots, err := s.parks.Plots(r.Context(), site.Code)
	if err != nil {
		return parkPage{}, err
	}
	d := parkPage{S: viewPark(r, site), Plots: plots, PlotSum: park.SummarizePlots(plots), Tenants: tenants, Photos: photos, Documents: documents, Tiles: s.Options().MapTiles,
		Attribution: s.Options().MapAttribution, GeoJSON: "/api/v1/parks.geojson?province=" + url.QueryEscape(site.ProvinceCode)}
	if u, err := s.units.FindUnit(r.Context(), site.UnitCode, s.Today()); err == nil {
		d.Unit = &u
	}
	a := congthuong.ActorFrom(r.Context())
	if a.IsStaff() {
		if hist, err := s.parks.ParkHistory(r.Context(), site.Code); err == nil {
			rows := make([]historyRow, len(hist))
			for i, e := range hist {
				rows[i] = historyRow{At: e.At, Actor: e.ActorName, Action: e.Action, Changed: changedFields(e.Before, e.After)}
			}
			d.History = rows
		}
		d.CanEdit = a.CanWrite() && a.InScope(site.UnitCode, site.ProvinceCode)
	}
	return d, nil
}

// historyRow is one change of a site, with the fields it changed.
type historyRow struct {
	At                     time.Time
	Actor, Action, Changed string
}

// changedFields names the top-level fields that differ between two JSON
// states of a record, leaving out the bookkeeping ones.
func changedFields(before, after string) string {
	var a, b map[string]any
	json.Unmarshal([]byte(before), &a)
	json.Unmarshal([]byte(after), &b)
	var out []string
	for k, v := range b {
		if k == "version" || k == "updated_at" {
			continue
		}
		if !reflect.DeepEqual(a[k], v) {
			out = append(out, k)
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// showParkCompare sets up to four sites side by side: /parks/compare?code=A&code=B.
func (s *handlers) showParkCompare(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	codes := r.URL.Query()["code"]
	v := &web.View{Title: p.T("parks.compare"), Nav: "parks"}
	status := http.StatusOK
	if len(codes) > maxCompare {
		v.Error = p.T("parks.compare_max", maxCompare)
		codes, status = codes[:maxCompare], http.StatusBadRequest
	}
	var sites []*parkView
	for _, code := range codes {
		site, err := s.parks.FindPark(r.Context(), code)
		if err != nil {
			if congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
				v.Error, status = p.ErrorText(err), http.StatusNotFound
				continue
			}
			return err
		}
		sites = append(sites, viewPark(r, site))
	}
	web.Show(s.Server, w, r, status, "park_compare", v, parkComparePage{Sites: sites})
	return nil
}

// showParkSummary counts sites and adds up their land by province, or by
// commune within a province.
func (s *handlers) showParkSummary(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	q := r.URL.Query()
	f, err := parkFilter(q)
	if err != nil {
		return err
	}
	by := "province"
	if f.Province != "" {
		by = "unit"
	}
	groups, err := s.parks.SummarizeParks(r.Context(), f, by)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, g := range groups {
		if _, ok := names[g.UnitCode]; !ok {
			if u, err := s.units.FindUnit(r.Context(), g.UnitCode, s.Today()); err == nil {
				names[g.UnitCode] = u.FullName
			}
		}
	}
	totals, err := s.parks.SumParks(r.Context(), f)
	if err != nil {
		return err
	}
	web.Show(s.Server, w, r, http.StatusOK, "park_summary", &web.View{Title: p.T("parks.summary"), Nav: "parks"},
		parkSummaryPage{Groups: groups, Names: names, By: by, Filter: f, Totals: totals})
	return nil
}

// siteFromForm reads the site form, whose fields are the sheet's columns.
func siteFromForm(r *http.Request) (park.ImportRow, int) {
	row := park.SiteFromValues(r.PostForm.Get)
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	return row, version
}

func (s *handlers) showNewPark(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	site := &park.Site{Kind: park.Cluster, Type: park.General, Status: park.Planned, UnitCode: web.DefaultUnit(congthuong.ActorFrom(r.Context()))}
	s.renderParkForm(w, r, http.StatusOK, site, true, nil)
	return nil
}

func (s *handlers) showEditPark(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	site, err := s.parks.FindPark(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	// Nobody is shown a form they could not save: a site outside the
	// officer's unit is the province's or another commune's to change.
	if !a.System && !a.InScope(site.UnitCode, site.ProvinceCode) {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "common.unit_outside_your_scope", site.UnitCode)
	}
	s.renderParkForm(w, r, http.StatusOK, site, false, nil)
	return nil
}

func (s *handlers) renderParkForm(w http.ResponseWriter, r *http.Request, status int, site *park.Site, isNew bool, err error) {
	p := s.PrinterFor(r)
	v := &web.View{Nav: "parks"}
	if isNew {
		v.Title = p.T("parks.new")
	} else {
		v.Title = p.T("parks.edit") + ": " + p.Name(site.Name())
	}
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		// The site's fields as its form names them.
		for from, to := range map[string]string{"decision.number": "decision_number", "decision.date": "decision_date",
			"contact.phone": "contact_phone", "contact.email": "contact_email", "contact.website": "website"} {
			if msg, ok := v.Errors[from]; ok {
				v.Errors[to] = msg
			}
		}
	}
	web.Show(s.Server, w, r, status, "park_form", v,
		parkForm{S: site, New: isNew, Record: siteRecordMap(site), Types: park.Types, Statuses: park.Statuses})
}

// siteRecordMap is a site's form values, by column name.
func siteRecordMap(site *park.Site) map[string]string {
	rec := park.SiteRecord(site)
	out := make(map[string]string, len(rec))
	for i, c := range park.SiteColumns {
		out[c] = rec[i]
	}
	if site.PlannedArea == 0 {
		out["planned_ha"] = ""
	}
	return out
}

// formProblems turns what could not be read from a form into an error.
func formProblems(problems []congthuong.FieldError) error {
	if len(problems) == 0 {
		return nil
	}
	return &congthuong.Error{Code: congthuong.EINVALID, Message: "park.site_has_invalid_fields", Fields: problems}
}

func (s *handlers) doCreatePark(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	row, _ := siteFromForm(r)
	site := row.Site
	err := formProblems(row.Problems)
	if err == nil {
		err = s.parks.CreatePark(r.Context(), &site)
	}
	if err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		s.renderParkForm(w, r, web.ErrorStatus(err), &site, true, err)
		return nil
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/parks/"+site.Code, http.StatusSeeOther)
	return nil
}

func (s *handlers) doUpdatePark(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	before, err := s.parks.FindPark(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	row, version := siteFromForm(r)
	site := row.Site
	site.Code, site.Version = before.Code, version
	if row.HasPoint && park.SameCentre(before.Geometry, site.Geometry) {
		site.Geometry = before.Geometry // the form shows a polygon by its centre
	}
	err = formProblems(row.Problems)
	var out *park.Site
	if err == nil {
		out, err = s.parks.UpdatePark(r.Context(), before.Code, site)
	}
	if err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		s.renderParkForm(w, r, web.ErrorStatus(err), &site, false, err)
		return nil
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/parks/"+out.Code, http.StatusSeeOther)
	return nil
}

// showParksImport is the form to upload the department's lists: sites (a
// sheet or GeoJSON) or tenants.
func (s *handlers) showParksImport(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	web.Show(s.Server, w, r, http.StatusOK, "parks_import", &web.View{Title: s.PrinterFor(r).T("parks.import"), Nav: "parks"}, newParksImportPage())
	return nil
}

// parksImportPage is the import form, with the columns each list has, and
// the outcome of an upload.
type parksImportPage struct {
	SiteColumns, TenantColumns string
	web.ImportOutcome
}

func newParksImportPage() parksImportPage {
	return parksImportPage{SiteColumns: strings.Join(park.SiteColumns, ", "), TenantColumns: strings.Join(park.TenantColumns, ", ")}
}

func (s *handlers) doImportParks(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	f, err := s.ReceiveImport(w, r)
	v := &web.View{Title: p.T("parks.import"), Nav: "parks"}
	var res db.ImportResult
	dry := r.FormValue("dry_run") == "on"
	if err == nil {
		defer f.Release()
		if r.FormValue("what") == "tenants" {
			res, err = s.parks.ImportTenants(f.Ctx, park.ReadTenants(bytes.NewReader(f.Body)), dry)
		} else {
			res, err = s.parks.ImportParks(f.Ctx, park.ReadSiteFile(f.Body), dry)
		}
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
		return err
	}
	d := newParksImportPage()
	d.ImportOutcome = web.Outcome(p, res, err)
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	}
	web.Show(s.Server, w, r, status, "parks_import", v, d)
	return nil
}

// exportParkCompare writes the comparison as a workbook: one row per
// attribute, one column per site, in the reader's language.
func (s *handlers) exportParkCompare(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	codes := r.URL.Query()["code"]
	if len(codes) == 0 || len(codes) > maxCompare {
		return congthuong.FieldErr(congthuong.EINVALID, "code", "parks.compare_max", maxCompare)
	}
	var sites []*park.Site
	for _, code := range codes {
		site, err := s.parks.FindPark(r.Context(), code)
		if err != nil {
			return err
		}
		sites = append(sites, site)
	}
	places := map[string]string{}
	for _, site := range sites {
		if u, err := s.units.FindUnit(r.Context(), site.UnitCode, s.Today()); err == nil {
			places[site.UnitCode] = p.Name(u.Title())
		}
	}
	km := func(x *float64) string {
		if x == nil {
			return ""
		}
		return p.Num(*x, 1)
	}
	rows := []struct {
		label string
		value func(*park.Site) string
	}{
		{"parks.kind", func(s *park.Site) string { return p.T("parks.kind_" + string(s.Kind)) }},
		{"parks.status", func(s *park.Site) string { return p.T("parks.status_" + string(s.Status)) }},
		{"parks.location", func(s *park.Site) string { return places[s.UnitCode] }},
		{"parks.planned", func(s *park.Site) string { return p.Ha(s.PlannedArea) }},
		{"parks.leasable", func(s *park.Site) string { return p.Ha(s.LeasableArea) }},
		{"parks.free", func(s *park.Site) string { return p.Ha(s.FreeArea()) }},
		{"parks.occupancy", func(s *park.Site) string {
			if occ, ok := s.Occupancy(); ok {
				return p.Num(occ, 1) + "%"
			}
			return ""
		}},
		{"parks.rent", func(s *park.Site) string {
			if s.RentMinUSD == nil {
				return ""
			}
			return p.Num(*s.RentMinUSD, 0) + "–" + km(s.RentMaxUSD) + " US$/m²"
		}},
		{"parks.wastewater_plant", func(s *park.Site) string {
			if !s.WastewaterOperating {
				return p.T("parks.none_plant")
			}
			return p.Int(s.WastewaterCapacity) + " m³/" + p.T("parks.day")
		}},
		{"parks.port", func(s *park.Site) string { return km(s.PortKm) }},
		{"parks.airport", func(s *park.Site) string { return km(s.AirportKm) }},
		{"parks.highway", func(s *park.Site) string { return km(s.HighwayKm) }},
		{"parks.sectors", func(s *park.Site) string { return sectorNames(p, s.Sectors) }},
		{"parks.tenants", func(s *park.Site) string { return strconv.Itoa(s.Tenants) }},
	}
	header := []string{p.T("parks.compare_item")}
	for _, site := range sites {
		header = append(header, p.Name(site.Name()))
	}
	return web.WriteWorkbook(w, "so-sanh", header, func(emit func([]string) error) error {
		for _, row := range rows {
			rec := []string{p.T(row.label)}
			for _, site := range sites {
				rec = append(rec, row.value(site))
			}
			if err := emit(rec); err != nil {
				return err
			}
		}
		return nil
	})
}

// sectorNames writes sectors by name for a sheet cell, one after another.
func sectorNames(p *web.Printer, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = p.SectorName(c)
	}
	return strings.Join(names, "; ")
}
