package web

import (
	"net/http"
	"net/url"
	"strconv"

	"congthuong"
	"congthuong/internal/procedure"
	"congthuong/internal/store"
)

// dossierInput is what a filing sends.
type dossierInput struct {
	ProcedureCode string              `json:"procedure_code"`
	UnitCode      string              `json:"unit_code"`
	Channel       int                 `json:"channel"`
	Applicant     procedure.Applicant `json:"applicant"`
	Form          map[string]string   `json:"form"`
}

func (s *Server) apiSubmitDossier(w http.ResponseWriter, r *http.Request) error {
	var in dossierInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	cal, err := s.calendar(r.Context())
	if err != nil {
		return err
	}
	d := &procedure.Dossier{ProcedureCode: in.ProcedureCode, UnitCode: in.UnitCode, Channel: in.Channel, Applicant: in.Applicant, Form: in.Form}
	if err := s.store.SubmitDossier(r.Context(), d, cal); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/dossiers/"+d.Code)
	writeJSON(w, http.StatusCreated, d)
	return nil
}

// dossierView is a dossier with its events and whether it is overdue now.
type dossierView struct {
	*procedure.Dossier
	Overdue bool                 `json:"overdue"`
	Events  []store.DossierEvent `json:"events"`
}

func (s *Server) apiGetDossier(w http.ResponseWriter, r *http.Request) error {
	d, events, err := s.store.FindDossier(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, dossierView{Dossier: d, Overdue: d.Overdue(s.store.Now()), Events: events})
	return nil
}

func (s *Server) apiStepDossier(w http.ResponseWriter, r *http.Request) error {
	var step store.DossierStep
	if err := decodeJSON(w, r, &step); err != nil {
		return err
	}
	cal, err := s.calendar(r.Context())
	if err != nil {
		return err
	}
	d, err := s.store.StepDossier(r.Context(), r.PathValue("code"), step, cal)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// apiTrackDossier is the public's question: a dossier's status and due
// time, given its code and the applicant's phone or tax code.
func (s *Server) apiTrackDossier(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	key := q.Get("phone")
	if key == "" {
		key = q.Get("tax_code")
	}
	t, err := s.store.TrackDossier(r.Context(), r.PathValue("code"), key)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, t)
	return nil
}

// dossierFilter reads status, due, q and paging.
func dossierFilter(q url.Values) (store.DossierFilter, error) {
	page, err := listPage(q)
	return store.DossierFilter{Status: procedure.Status(q.Get("status")), Due: q.Get("due"), Q: q.Get("q"), Page: page}, err
}

func (s *Server) apiListDossiers(w http.ResponseWriter, r *http.Request) error {
	f, err := dossierFilter(r.URL.Query())
	if err != nil {
		return err
	}
	list, total, err := s.store.FindDossiers(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(list, total, f.Page))
	return nil
}

// showDossiers is the worklist: the desk's dossiers for staff (what is due
// today, tomorrow, overdue), its own for an enterprise.
func (s *Server) showDossiers(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if a.Anonymous() {
		return forbiddenOrLogin(a)
	}
	p := s.printerFor(r)
	f, err := dossierFilter(r.URL.Query())
	if err != nil {
		return err
	}
	list, total, err := s.store.FindDossiers(r.Context(), f)
	if err != nil {
		return err
	}
	now := s.store.Now()
	views := make([]dossierView, len(list))
	for i, d := range list {
		views[i] = dossierView{Dossier: d, Overdue: d.Overdue(now)}
	}
	s.render(w, r, http.StatusOK, "dossiers", &view{Title: p.T("dossiers.title"), Nav: "dossiers",
		D: map[string]any{"Items": views, "Filter": f, "Pager": newPager(total, f.Page), "Statuses": procedure.Statuses}})
	return nil
}

// showDossier is a dossier's page, with the steps the viewer may take.
func (s *Server) showDossier(w http.ResponseWriter, r *http.Request) error {
	d, events, err := s.store.FindDossier(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "dossier", &view{Title: d.Code, Nav: "dossiers",
		D: map[string]any{"D": dossierView{Dossier: d, Overdue: d.Overdue(s.store.Now()), Events: events}, "Actions": procedure.Actions}})
	return nil
}

// doStepDossier takes a workflow step from the dossier's page.
func (s *Server) doStepDossier(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "invalid form")
	}
	cal, err := s.calendar(r.Context())
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	step := store.DossierStep{Action: procedure.Action(r.PostForm.Get("action")), Note: r.PostForm.Get("note"),
		Handler: r.PostForm.Get("handler"), Version: version}
	if _, err := s.store.StepDossier(r.Context(), r.PathValue("code"), step, cal); err != nil {
		return err
	}
	s.flash(w, "flash.saved")
	http.Redirect(w, r, "/dossiers/"+url.PathEscape(r.PathValue("code")), http.StatusSeeOther)
	return nil
}

// doFileDossier files a dossier from a procedure's page.
func (s *Server) doFileDossier(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "invalid form")
	}
	proc, err := s.store.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	cal, err := s.calendar(r.Context())
	if err != nil {
		return err
	}
	f := r.PostForm
	d := &procedure.Dossier{ProcedureCode: proc.Code, UnitCode: f.Get("unit_code"), Channel: procedure.Online,
		Applicant: procedure.Applicant{Name: f.Get("applicant_name"), Phone: f.Get("applicant_phone"), Email: f.Get("applicant_email")},
		Form:      map[string]string{}}
	for _, field := range proc.Fields {
		if v := f.Get("form_" + field.Name); v != "" {
			d.Form[field.Name] = v
		}
	}
	if err := s.store.SubmitDossier(r.Context(), d, cal); err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		p := s.printerFor(r)
		v := &view{Title: proc.NameVI, Nav: "procedures", D: map[string]any{"P": proc, "Form": f}}
		v.Errors, v.Error = formErrors(p, err)
		s.render(w, r, errorStatus(err), "procedure", v)
		return nil
	}
	s.flash(w, "flash.saved")
	http.Redirect(w, r, "/dossiers/"+url.PathEscape(d.Code), http.StatusSeeOther)
	return nil
}

// showTracking is the public's tracking form and answer.
func (s *Server) showTracking(w http.ResponseWriter, r *http.Request) error {
	p := s.printerFor(r)
	q := r.URL.Query()
	v := &view{Title: p.T("tracking.title"), Nav: "procedures", D: map[string]any{"Code": q.Get("code"), "Key": q.Get("key")}}
	status := http.StatusOK
	if q.Get("code") != "" {
		t, err := s.store.TrackDossier(r.Context(), q.Get("code"), q.Get("key"))
		if err != nil {
			v.Error, status = p.T("tracking.not_found"), http.StatusNotFound
		} else {
			v.D.(map[string]any)["T"] = t
		}
	}
	s.render(w, r, status, "tracking", v)
	return nil
}
