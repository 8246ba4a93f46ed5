package commerceweb

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/db"
	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// registerPage is the register as staff read it: filters, counts and a
// page of licences.
type registerPage struct {
	Items    []row
	Pager    web.Pager
	F        commercedb.Filter
	Kinds    []commerce.Kind
	Statuses []string
	Communes []unit.Unit
	CanWrite bool
	Export   string
}

// filterOf reads the register's filters from the address.
func filterOf(q url.Values, today string) (commercedb.Filter, error) {
	page, err := web.ListPage(q)
	if err != nil {
		return commercedb.Filter{}, err
	}
	if page.Limit == 0 {
		page.Limit = 50
	}
	f := commercedb.Filter{Q: q.Get("q"), Kind: q.Get("kind"), UnitCode: q.Get("unit"), Today: today, Page: page}
	if st := q.Get("status"); slices.Contains(commerce.Statuses, st) {
		f.Status = st
	}
	if d := q.Get("expiring_days"); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 1 || n > 3660 {
			return f, congthuong.FieldErr(congthuong.EINVALID, "expiring_days", "commerce.expiring_days")
		}
		f.ExpiringDays = n
	}
	return f, nil
}

func (s *handlers) showRegister(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsStaff() {
		return web.ForbiddenOrLogin(a)
	}
	today := s.Today()
	f, err := filterOf(r.URL.Query(), today)
	if err != nil {
		return err
	}
	items, total, err := s.commerce.ListLicences(r.Context(), f)
	if err != nil {
		return err
	}
	rows, err := s.rows(r.Context(), today, items)
	if err != nil {
		return err
	}
	communes, err := s.communes(r.Context(), today)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	q.Del("offset")
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("licences.title"), Nav: "licences"}
	web.Show(s.Server, w, r, http.StatusOK, "licences", v, registerPage{Items: rows, Pager: web.NewPager(total, f.Page), F: f,
		Kinds: commerce.Kinds(), Statuses: commerce.Statuses, Communes: communes, CanWrite: a.CanWrite(), Export: q.Encode()})
	return nil
}

// licencePage is one licence: what it allows, its history, and the
// decisions its status allows, for staff who may take them.
type licencePage struct {
	L         row
	Issuer    string
	Events    []commerce.Event
	Decisions []string
	CanWrite  bool
	// Decision is the decision being typed, kept when refused.
	Decision commerce.Event
}

func (s *handlers) licenceID(r *http.Request) (int64, error) { return pathID(r, "commerce.no_licence") }

func (s *handlers) showLicence(w http.ResponseWriter, r *http.Request) error {
	return s.renderLicence(w, r, http.StatusOK, commerce.Event{}, nil)
}

func (s *handlers) renderLicence(w http.ResponseWriter, r *http.Request, status int, typed commerce.Event, ferr error) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	l, err := s.commerce.FindLicence(r.Context(), id)
	if err != nil {
		return err
	}
	events, err := s.commerce.LicenceEvents(r.Context(), id)
	if err != nil {
		return err
	}
	today := s.Today()
	rows, err := s.rows(r.Context(), today, []*commerce.Licence{l})
	if err != nil {
		return err
	}
	a := congthuong.ActorFrom(r.Context())
	d := licencePage{L: rows[0], Events: events, Decision: typed}
	if ix, err := s.units.Index(r.Context()); err == nil {
		u, _ := ix.Resolve(l.IssuerCode, today, today)
		d.Issuer = u.Name
	}
	if a.CanWrite() && a.InScope(l.UnitCode, l.ProvinceCode) && (rows[0].KindOf.Issuer == commerce.IssuerCommune || a.IsDepartment()) {
		d.CanWrite = true
		d.Decisions = commerce.Decisions(l, today)
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.Name(rows[0].KindOf.Name()) + " " + l.Number, Nav: "licences"}
	if !a.IsStaff() {
		v.Nav = "lookup"
	}
	if ferr != nil {
		v.Errors, v.Error = web.FormErrors(p, ferr)
	}
	web.Show(s.Server, w, r, status, "licence", v, d)
	return nil
}

// doDecide records a decision on a licence; a refused one is shown again
// as typed.
func (s *handlers) doDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	e := commerce.Event{Action: f.Get("action"), On: f.Get("on"), Decision: f.Get("decision"), Note: f.Get("note"), ValidUntil: f.Get("valid_until")}
	version, _ := strconv.Atoi(f.Get("version"))
	if _, err := s.commerce.DecideLicence(r.Context(), id, version, e); err != nil {
		if keepTyped(err) {
			return s.renderLicence(w, r, web.ErrorStatus(err), e, err)
		}
		return err
	}
	s.Flash(w, "licences.decided")
	http.Redirect(w, r, "/licences/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// formPage is the form to record or amend a licence.
type formPage struct {
	L        commerce.Licence
	Lon, Lat string
	Kinds    []commerce.Kind
	Communes []unit.Unit
	New      bool
	// Decision is the amending decision's number, for an amendment.
	Decision string
	Today    string
}

func (s *handlers) renderForm(w http.ResponseWriter, r *http.Request, status int, d formPage, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	today := s.Today()
	communes, err := s.communes(r.Context(), today)
	if err != nil {
		return err
	}
	d.Communes, d.Today = communes, today
	for _, k := range commerce.Kinds() {
		if k.Issuer == commerce.IssuerCommune || a.IsDepartment() {
			d.Kinds = append(d.Kinds, k)
		}
	}
	if d.L.Lon != nil && d.Lon == "" {
		d.Lon, d.Lat = strconv.FormatFloat(*d.L.Lon, 'f', -1, 64), strconv.FormatFloat(*d.L.Lat, 'f', -1, 64)
	}
	p := s.PrinterFor(r)
	title := p.T("licences.new")
	if !d.New {
		title = p.T("licences.edit") + " " + d.L.Number
	}
	v := &web.View{Title: title, Nav: "licences", Anchors: map[string]string{"unit_code": "unit", "lat": "lat"}}
	v.SetFormErrors(p, ferr)
	web.Show(s.Server, w, r, status, "licence_form", v, d)
	return nil
}

// showNew is the empty form, or the licence an approved dossier issues
// when ?dossier= names it.
func (s *handlers) showNew(w http.ResponseWriter, r *http.Request) error {
	d := formPage{New: true, L: commerce.Licence{UnitCode: web.DefaultUnit(congthuong.ActorFrom(r.Context()))}}
	if code := r.URL.Query().Get("dossier"); code != "" {
		// A dossier's licence recorded already opens instead.
		if id, err := s.commerce.LicenceOfDossier(r.Context(), code); err != nil {
			return err
		} else if id != 0 {
			http.Redirect(w, r, "/licences/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
			return nil
		}
		l, err := s.commerce.LicenceFromDossier(r.Context(), code)
		if err != nil {
			if len(congthuong.ErrorFields(err)) == 0 && congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
				return err
			}
			d.L.DossierCode = strings.ToUpper(code)
			return s.renderForm(w, r, web.ErrorStatus(err), d, err)
		}
		d.L = *l
	}
	return s.renderForm(w, r, http.StatusOK, d, nil)
}

// licenceFromForm reads the form; a longitude or latitude that is not a
// number is refused by name.
func licenceFromForm(f url.Values) (commerce.Licence, string, string, error) {
	l := commerce.Licence{Kind: f.Get("kind"), Number: f.Get("number"), HolderName: f.Get("holder_name"), HolderID: f.Get("holder_id"),
		HolderEmail: f.Get("holder_email"), HolderPhone: f.Get("holder_phone"), ShopName: f.Get("shop_name"), Address: f.Get("address"),
		UnitCode: f.Get("unit_code"), IssuedOn: f.Get("issued_on"), ValidUntil: f.Get("valid_until"), Conditions: f.Get("conditions"),
		DossierCode: f.Get("dossier_code")}
	lon, lat := f.Get("lon"), f.Get("lat")
	var ok bool
	if l.Lon, l.Lat, ok = commerce.ParsePoint(lon, lat); !ok {
		return l, lon, lat, congthuong.FieldErr(congthuong.EINVALID, "lat", "commerce.both_lon_lat")
	}
	return l, lon, lat, nil
}

func (s *handlers) doCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	l, lon, lat, err := licenceFromForm(r.PostForm)
	if err == nil {
		err = s.commerce.CreateLicence(r.Context(), &l)
	}
	if err != nil {
		if len(congthuong.ErrorFields(err)) > 0 {
			return s.renderForm(w, r, web.ErrorStatus(err), formPage{L: l, Lon: lon, Lat: lat, New: true}, err)
		}
		return err
	}
	s.Flash(w, "licences.recorded")
	http.Redirect(w, r, "/licences/"+strconv.FormatInt(l.ID, 10), http.StatusSeeOther)
	return nil
}

func (s *handlers) showEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	l, err := s.commerce.FindLicence(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderForm(w, r, http.StatusOK, formPage{L: *l}, nil)
}

func (s *handlers) doUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	l, lon, lat, err := licenceFromForm(r.PostForm)
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	decision := r.PostForm.Get("decision")
	if err == nil {
		err = s.commerce.UpdateLicence(r.Context(), id, version, &l, decision)
	}
	if err != nil {
		if keepTyped(err) {
			l.ID, l.Version = id, s.currentVersion(r, err, version, "licence", id)
			return s.renderForm(w, r, web.ErrorStatus(err), formPage{L: l, Lon: lon, Lat: lat, Decision: decision}, err)
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/licences/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// lookupPage is the public's lookup: "is this shop licensed?".
type lookupPage struct {
	Q        string
	Kind     string
	Kinds    []commerce.Kind
	Items    []row
	Pager    web.Pager
	Searched bool
	// Communes are the department's province's, to look a commune's
	// licences up and see them on a map; UnitCode the one chosen.
	Communes           []unit.Unit
	UnitCode, Province string
	Tiles, Attribution string
}

func (s *handlers) showLookup(w http.ResponseWriter, r *http.Request) error {
	today := s.Today()
	f, err := filterOf(r.URL.Query(), today)
	if err != nil {
		return err
	}
	f.Status, f.ExpiringDays = "", 0
	public := congthuong.NewContext(r.Context(), congthuong.Actor{})
	items, total, err := s.commerce.Lookup(public, f)
	if err != nil {
		return err
	}
	rows, err := s.rows(r.Context(), today, items)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("lookup.title"), Nav: "lookup", Meta: web.Meta{Description: p.T("lookup.lead"), Canonical: "/licences/lookup"}}
	d := lookupPage{Q: f.Q, Kind: f.Kind, Kinds: commerce.Kinds(), Items: rows, Pager: web.NewPager(total, f.Page),
		Searched: strings.TrimSpace(f.Q) != "" || f.UnitCode != "", UnitCode: f.UnitCode, Province: s.Options().Department.Province,
		Tiles: s.Options().MapTiles, Attribution: s.Options().MapAttribution}
	if d.Province != "" {
		if d.Communes, err = s.communesOf(r.Context(), d.Province, today); err != nil {
			return err
		}
	}
	web.Show(s.Server, w, r, http.StatusOK, "licence_lookup", v, d)
	return nil
}

// tasks tells the register's staff how many licences in their area end
// within 30 days.
func (s *handlers) tasks(r *http.Request) ([]web.Task, error) {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsStaff() {
		return nil, nil
	}
	var tasks []web.Task
	p := s.PrinterFor(r)
	_, n, err := s.commerce.ListLicences(r.Context(), commercedb.Filter{ExpiringDays: 30, Today: s.Today(), Page: db.Page{Limit: 1}})
	if err != nil {
		return nil, err
	}
	if n > 0 {
		tasks = append(tasks, web.Task{Title: p.T("licences.task_expiring"), Count: n, Counted: true, Link: "/licences?expiring_days=30&sort=valid_until"})
	}
	if province := s.province(r); a.IsDepartment() && a.InScope(province, province) {
		// Registrations and amendments awaiting the department's decision.
		_, filed, err := s.commerce.ListPromotions(r.Context(), province, commercedb.PromotionFilter{Status: commerce.PromotionFiled, Today: s.Today(), Page: db.Page{Limit: 1}})
		if err != nil {
			return nil, err
		}
		amendments, err := s.commerce.PendingAmendments(r.Context(), province)
		if err != nil {
			return nil, err
		}
		if n := filed + len(amendments); n > 0 {
			tasks = append(tasks, web.Task{Title: p.T("promotions.task_decide"), Count: n, Counted: true, Link: "/promotions/manage"})
		}
	}
	return tasks, nil
}
