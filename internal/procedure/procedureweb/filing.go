package procedureweb

import (
	"net/http"
	"net/url"
	"strconv"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

// Filing a dossier online is three pages, as a person expects of a public
// service: the form (who files, where it is decided, the procedure's own
// questions, a paper for each document), kept as a draft however far it
// got; the answers to check, each with a link to change it; and the
// receipt. Every refused page comes back as it was typed.

// filingPage is the filing form of a procedure.
type filingPage struct {
	P     *procedure.Procedure
	Draft *procedure.Draft
	// Units are the places the dossier may be decided: the communes of the
	// applicant's province for a commune procedure, the province for the
	// department's.
	Units []unit.Unit
	// TaxCodeFixed says that the tax code is the account's own (an
	// enterprise files as itself).
	TaxCodeFixed bool
	Fields       []formField
	Papers       []paperField
}

// formField is one of the procedure's questions, with what was answered.
type formField struct {
	procedure.Field
	Label, Value, Input string
}

// paperField is one of the procedure's documents, with the papers given.
type paperField struct {
	Index    int
	Input    string
	Name     congthuong.Name
	Required bool
	Template string
	Files    []procedure.File
}

// homeProvince is the province whose units an applicant chooses from: the
// account's own, or the department's for an account of the whole country.
func (s *handlers) homeProvince(a congthuong.Actor) string {
	if a.ProvinceCode != "" && a.ProvinceCode != congthuong.CountryCode {
		return a.ProvinceCode
	}
	return s.HomeProvince()
}

// showFiling is the filing form: a new one, prefilled from the account
// and its enterprise, or a draft (?draft=ID) to go on with.
func (s *handlers) showFiling(w http.ResponseWriter, r *http.Request) error {
	if err := web.RequireLogin(r); err != nil {
		return err
	}
	proc, err := s.procedures.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	var dr *procedure.Draft
	if id, err := strconv.ParseInt(r.URL.Query().Get("draft"), 10, 64); err == nil {
		if dr, err = s.procedures.FindDraft(r.Context(), id); err != nil {
			return err
		}
	} else {
		dr = s.newDraft(r, proc)
	}
	return s.renderFiling(w, r, http.StatusOK, proc, dr, nil)
}

// newDraft is a new filing of proc, with what the platform knows of the
// applicant: the account's name, the enterprise's record.
func (s *handlers) newDraft(r *http.Request, proc *procedure.Procedure) *procedure.Draft {
	a := congthuong.ActorFrom(r.Context())
	dr := &procedure.Draft{ProcedureCode: proc.Code, Form: map[string]string{}}
	if proc.Level == procedure.Province {
		dr.UnitCode = s.homeProvince(a)
	}
	if a.IsStaff() {
		return dr // recording someone else's filing at the desk
	}
	dr.Applicant.Name = a.Name()
	if a.TaxCode != "" {
		dr.Applicant.TaxCode = a.TaxCode
		if e, err := s.enterprises.FindEnterprise(r.Context(), a.TaxCode); err == nil {
			dr.Applicant = procedure.Applicant{Name: e.Name, TaxCode: e.TaxCode, Phone: e.Phone, Email: e.Email, Address: e.Address}
			if proc.Level == procedure.Commune && e.UnitCode != "" {
				dr.UnitCode = e.UnitCode
			}
		}
		for _, f := range proc.Fields {
			if f.Type == "tax_code" {
				dr.Form[f.Name] = a.TaxCode
			}
		}
	}
	return dr
}

func (s *handlers) renderFiling(w http.ResponseWriter, r *http.Request, status int, proc *procedure.Procedure, dr *procedure.Draft, formErr error) error {
	p := s.PrinterFor(r)
	a := congthuong.ActorFrom(r.Context())
	page := filingPage{P: proc, Draft: dr, TaxCodeFixed: a.Role == congthuong.RoleEnterprise && a.TaxCode != ""}
	f := unitdb.UnitFilter{Level: unit.Province, ValidOn: s.Today(), Page: db.Page{Limit: db.MaxLimit, Sort: "name"}}
	if proc.Level == procedure.Commune {
		f = unitdb.UnitFilter{Level: unit.Commune, Parent: s.homeProvince(a), ValidOn: s.Today(), Page: db.Page{Limit: db.MaxLimit, Sort: "name"}}
	}
	units, _, err := s.units.FindUnits(r.Context(), f)
	if err != nil {
		return err
	}
	page.Units = units
	v := &web.View{Title: p.T("filing.title", p.Name(proc.Name())), Nav: "procedures", Anchors: map[string]string{
		"applicant.name": "applicant_name", "applicant.phone": "applicant_phone", "applicant.email": "applicant_email",
		"applicant.address": "applicant_address", "file": procedure.PaperField(0)}}
	page.Fields, page.Papers = formFields(p, proc, dr, false), paperFields(proc, dr)
	for _, f := range page.Fields {
		v.Anchors["form."+f.Name] = f.Input
	}
	if formErr != nil {
		v.Errors, v.Error = web.FormErrors(p, formErr)
	}
	web.Show(s.Server, w, r, status, "filing", v, page)
	return nil
}

// formFields are proc's questions with the draft's answers, under their
// labels in p's language; answered leaves out the unanswered ones.
func formFields(p *web.Printer, proc *procedure.Procedure, dr *procedure.Draft, answered bool) []formField {
	var out []formField
	for _, field := range proc.Fields {
		if v := dr.Form[field.Name]; v != "" || !answered {
			out = append(out, formField{Field: field, Label: p.Name(congthuong.Name{VI: field.LabelVI, EN: field.LabelEN}),
				Value: v, Input: "form_" + field.Name})
		}
	}
	return out
}

// paperFields are proc's documents with the papers the draft gives each.
func paperFields(proc *procedure.Procedure, dr *procedure.Draft) []paperField {
	out := make([]paperField, 0, len(proc.Documents))
	for i, doc := range proc.Documents {
		pf := paperField{Index: i, Input: procedure.PaperField(i), Name: congthuong.Name{VI: doc.NameVI, EN: doc.NameEN},
			Required: doc.Required, Template: doc.Template}
		for _, f := range dr.Files {
			if f.Document == doc.NameVI {
				pf.Files = append(pf.Files, f)
			}
		}
		out = append(out, pf)
	}
	return out
}

// draftFromForm reads the filing form into a draft of proc.
func draftFromForm(r *http.Request, proc *procedure.Procedure) *procedure.Draft {
	f := r.PostForm
	id, _ := strconv.ParseInt(f.Get("draft"), 10, 64)
	dr := &procedure.Draft{ID: id, ProcedureCode: proc.Code, UnitCode: f.Get("unit_code"), Form: map[string]string{},
		Applicant: procedure.Applicant{Name: f.Get("applicant_name"), TaxCode: f.Get("applicant_tax_code"), Phone: f.Get("applicant_phone"),
			Email: f.Get("applicant_email"), Address: f.Get("applicant_address")}}
	for _, field := range proc.Fields {
		dr.Form[field.Name] = f.Get("form_" + field.Name)
	}
	return dr
}

// doSaveFiling keeps the form as a draft with the papers chosen, then
// either leaves it for later ("save") or checks it and shows the answers
// to check ("continue"); a refused form comes back as it was typed.
func (s *handlers) doSaveFiling(w http.ResponseWriter, r *http.Request) error {
	if err := web.RequireLogin(r); err != nil {
		return err // before the papers are read
	}
	proc, err := s.procedures.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFilingRequest)
	if err := r.ParseMultipartForm(web.MultipartMemory); err != nil && err != http.ErrNotMultipart {
		return congthuong.FieldErr(congthuong.EINVALID, "file", "procedure.upload_could_not_read_at_most_files_mib",
			proceduredb.MaxDossierFiles, web.FileMiB)
	}
	if err := web.CleanForm(r); err != nil {
		return err
	}
	dr := draftFromForm(r, proc)
	var uploads []proceduredb.Upload
	if r.MultipartForm != nil {
		for i, doc := range proc.Documents {
			for _, hdr := range r.MultipartForm.File[procedure.PaperField(i)] {
				if hdr.Size == 0 {
					continue // nothing chosen
				}
				f, err := hdr.Open()
				if err != nil {
					return err
				}
				defer f.Close()
				uploads = append(uploads, proceduredb.Upload{Document: doc.NameVI, FileName: hdr.Filename, Content: f})
			}
		}
	}
	if err := s.procedures.SaveDraft(r.Context(), dr, uploads...); err != nil {
		if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return err
		}
		if dr.ID != 0 { // the papers already kept are shown again
			if saved, ferr := s.procedures.FindDraft(r.Context(), dr.ID); ferr == nil {
				dr.Files = saved.Files
			}
		}
		return s.renderFiling(w, r, web.ErrorStatus(err), proc, dr, err)
	}
	if r.PostForm.Get("save") != "" {
		s.Flash(w, "flash.draft_saved")
		http.Redirect(w, r, "/dossiers", http.StatusSeeOther)
		return nil
	}
	if err := s.procedures.CheckDraft(r.Context(), dr); err != nil {
		if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return err
		}
		return s.renderFiling(w, r, web.ErrorStatus(err), proc, dr, err)
	}
	http.Redirect(w, r, "/drafts/"+strconv.FormatInt(dr.ID, 10), http.StatusSeeOther)
	return nil
}

// checkPage is a draft's answers to check before sending.
type checkPage struct {
	filingPage
	// Unit is where the dossier will be decided.
	Unit *unit.Unit
}

// showDraft shows a draft's answers to check, each with a link to change
// it, and the button that sends it.
func (s *handlers) showDraft(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	dr, err := s.procedures.FindDraft(r.Context(), id)
	if err != nil {
		return err
	}
	proc, err := s.procedures.FindProcedure(r.Context(), dr.ProcedureCode)
	if err != nil {
		return err
	}
	if err := s.procedures.CheckDraft(r.Context(), dr); err != nil {
		if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return err
		}
		return s.renderFiling(w, r, web.ErrorStatus(err), proc, dr, err)
	}
	p := s.PrinterFor(r)
	page := checkPage{filingPage: filingPage{P: proc, Draft: dr}}
	if u, err := s.units.FindUnit(r.Context(), dr.UnitCode, s.Today()); err == nil {
		page.Unit = &u
	}
	page.Fields, page.Papers = formFields(p, proc, dr, true), paperFields(proc, dr)
	web.Show(s.Server, w, r, http.StatusOK, "draft_check", &web.View{Title: p.T("check.title"), Nav: "procedures"}, page)
	return nil
}

// doSubmitDraft sends a draft: it becomes a dossier, and the applicant
// sees its receipt.
func (s *handlers) doSubmitDraft(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	d, err := s.procedures.SubmitDraft(r.Context(), id, cal)
	if err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINVALID {
			http.Redirect(w, r, "/drafts/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
			return nil
		}
		return err
	}
	http.Redirect(w, r, "/dossiers/"+url.PathEscape(d.Code)+"/filed", http.StatusSeeOther)
	return nil
}

// doDeleteDraft deletes a draft.
func (s *handlers) doDeleteDraft(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err := s.procedures.DeleteDraft(r.Context(), id); err != nil {
		return err
	}
	s.Flash(w, "flash.deleted")
	http.Redirect(w, r, "/dossiers", http.StatusSeeOther)
	return nil
}

// filedPage is the receipt of a dossier just sent.
type filedPage struct {
	D    *procedure.Dossier
	P    *procedure.Procedure
	Link string
}

// showFiled is the receipt: the dossier's code and tracking key, where to
// follow it, and what happens next.
func (s *handlers) showFiled(w http.ResponseWriter, r *http.Request) error {
	d, _, err := s.procedures.FindDossier(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	proc, err := s.procedures.FindProcedure(r.Context(), d.ProcedureCode)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	web.Show(s.Server, w, r, http.StatusOK, "filed", &web.View{Title: p.T("filed.title"), Nav: "dossiers"},
		filedPage{D: d, P: proc, Link: procedure.TrackingLink("", d)})
	return nil
}
