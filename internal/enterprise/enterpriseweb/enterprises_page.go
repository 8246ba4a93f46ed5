package enterpriseweb

import (
	"net/http"
	"net/url"
	"strings"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// enterprisesPage is a page of the enterprises found.
type enterprisesPage struct {
	Filter enterprisedb.EnterpriseFilter
	Items  []*enterprise.Enterprise
	Pager  web.Pager
}

// enterprisePage is one enterprise and the unit it is registered in.
type enterprisePage struct {
	E    *enterprise.Enterprise
	Unit *unit.Unit
}

// enterpriseForm is the form to register or edit an enterprise.
type enterpriseForm struct {
	E   *enterprise.Enterprise
	New bool
}

// enterpriseImportPage is the import form, with the columns a file has,
// and the outcome of an upload.
type enterpriseImportPage struct {
	Columns string
	web.ImportOutcome
}

func (s *handlers) showEnterprises(w http.ResponseWriter, r *http.Request) error {
	f, err := enterpriseFilter(r)
	if err != nil {
		return err
	}
	list, total, err := s.enterprises.FindEnterprises(r.Context(), f)
	if err != nil {
		return err
	}
	pg := web.NewPager(total, f.Page)
	pg.Capped = searchCapped(f, total)
	web.Show(s.Server, w, r, http.StatusOK, "enterprises", &web.View{Title: s.PrinterFor(r).T("enterprises.title"), Nav: "enterprises"},
		enterprisesPage{Filter: f, Items: list, Pager: pg})
	return nil
}

func (s *handlers) showEnterprise(w http.ResponseWriter, r *http.Request) error {
	e, err := s.enterprises.FindEnterprise(r.Context(), r.PathValue("tax_code"))
	if err != nil {
		return err
	}
	d := enterprisePage{E: e}
	if u, err := s.units.FindUnit(r.Context(), e.UnitCode, s.Today()); err == nil {
		d.Unit = &u
	}
	web.Show(s.Server, w, r, http.StatusOK, "enterprise", &web.View{Title: e.Name, Nav: "enterprises"}, d)
	return nil
}

func enterpriseFromForm(r *http.Request) enterprise.Enterprise {
	f := r.PostForm
	return enterprise.Enterprise{TaxCode: f.Get("tax_code"), Name: f.Get("name"), NameEN: f.Get("name_en"),
		Address: f.Get("address"), UnitCode: f.Get("unit_code"), VSICCode: f.Get("vsic_code"),
		VSICVersion: f.Get("vsic_version"), Representative: f.Get("representative"), Phone: f.Get("phone"), Email: f.Get("email")}
}

func (s *handlers) showNewEnterprise(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	e := enterprise.Enterprise{VSICVersion: enterprise.VSIC2025, UnitCode: web.DefaultUnit(congthuong.ActorFrom(r.Context()))}
	s.renderEnterpriseForm(w, r, http.StatusOK, &e, true, nil)
	return nil
}

func (s *handlers) renderEnterpriseForm(w http.ResponseWriter, r *http.Request, status int, e *enterprise.Enterprise, isNew bool, err error) {
	p := s.PrinterFor(r)
	v := &web.View{Nav: "enterprises"}
	if isNew {
		v.Title = p.T("enterprises.new")
	} else {
		v.Title = p.T("enterprises.edit") + ": " + e.Name
	}
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
	}
	web.Show(s.Server, w, r, status, "enterprise_form", v, enterpriseForm{E: e, New: isNew})
}

func (s *handlers) doCreateEnterprise(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	e := enterpriseFromForm(r)
	if err := s.enterprises.CreateEnterprise(r.Context(), &e); err != nil {
		if code := congthuong.ErrorCode(err); code == congthuong.EINVALID || code == congthuong.ECONFLICT || len(congthuong.ErrorFields(err)) > 0 {
			s.renderEnterpriseForm(w, r, web.ErrorStatus(err), &e, true, err)
			return nil
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/enterprises/"+url.PathEscape(e.TaxCode), http.StatusSeeOther)
	return nil
}

func (s *handlers) showEditEnterprise(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	e, err := s.enterprises.FindEnterprise(r.Context(), r.PathValue("tax_code"))
	if err != nil {
		return err
	}
	s.renderEnterpriseForm(w, r, http.StatusOK, e, false, nil)
	return nil
}

func (s *handlers) doUpdateEnterprise(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	e := enterpriseFromForm(r)
	e.TaxCode = r.PathValue("tax_code")
	got, err := s.enterprises.UpdateEnterprise(r.Context(), e.TaxCode, e)
	if err != nil {
		if len(congthuong.ErrorFields(err)) > 0 {
			s.renderEnterpriseForm(w, r, web.ErrorStatus(err), &e, false, err)
			return nil
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/enterprises/"+url.PathEscape(got.TaxCode), http.StatusSeeOther)
	return nil
}

func (s *handlers) doDeleteEnterprise(w http.ResponseWriter, r *http.Request) error {
	if err := s.enterprises.DeleteEnterprise(r.Context(), r.PathValue("tax_code")); err != nil {
		return err
	}
	s.Flash(w, "flash.deleted")
	http.Redirect(w, r, "/enterprises", http.StatusSeeOther)
	return nil
}

func (s *handlers) showImportEnterprises(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	web.Show(s.Server, w, r, http.StatusOK, "enterprise_import", &web.View{Title: s.PrinterFor(r).T("import.title"), Nav: "enterprises"},
		enterpriseImportPage{Columns: strings.Join(enterprise.ImportColumns, ", ")})
	return nil
}

// doImportEnterprises imports an uploaded file and shows either what was
// done or every bad row; "check only" runs it as a dry run.
func (s *handlers) doImportEnterprises(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("import.title"), Nav: "enterprises"}
	d := enterpriseImportPage{Columns: strings.Join(enterprise.ImportColumns, ", ")}
	f, err := s.ReceiveImport(w, r)
	var res db.ImportResult
	if err == nil {
		defer f.Release()
		res, err = s.importEnterprises(f, r.FormValue("dry_run") == "on")
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
		return err
	}
	d.ImportOutcome = web.Outcome(p, res, err)
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	}
	web.Show(s.Server, w, r, status, "enterprise_import", v, d)
	return nil
}
