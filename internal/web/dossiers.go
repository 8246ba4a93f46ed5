package web

import (
	"net/http"

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
