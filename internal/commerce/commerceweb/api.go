package commerceweb

import (
	"net/http"
	"strconv"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/web"
)

func (s *handlers) apiKinds(w http.ResponseWriter, r *http.Request) error {
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": commerce.Kinds()})
	return nil
}

// licenceOut is a licence as the API writes it, with its status on the
// day.
type licenceOut struct {
	*commerce.Licence
	State string `json:"state"`
}

func out(items []*commerce.Licence, today string) []licenceOut {
	o := make([]licenceOut, len(items))
	for i, l := range items {
		o[i] = licenceOut{Licence: l, State: l.StatusOn(today)}
	}
	return o
}

func (s *handlers) apiLicences(w http.ResponseWriter, r *http.Request) error {
	today := s.Today()
	f, err := filterOf(r.URL.Query(), today)
	if err != nil {
		return err
	}
	items, total, err := s.commerce.ListLicences(r.Context(), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(out(items, today), total, f.Page))
	return nil
}

func (s *handlers) apiLookup(w http.ResponseWriter, r *http.Request) error {
	today := s.Today()
	f, err := filterOf(r.URL.Query(), today)
	if err != nil {
		return err
	}
	f.Status, f.ExpiringDays = "", 0
	items, total, err := s.commerce.Lookup(congthuong.NewContext(r.Context(), congthuong.Actor{}), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(out(items, today), total, f.Page))
	return nil
}

func (s *handlers) apiLicence(w http.ResponseWriter, r *http.Request) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	l, err := s.commerce.FindLicence(r.Context(), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, out([]*commerce.Licence{l}, s.Today())[0])
	return nil
}

func (s *handlers) apiHistory(w http.ResponseWriter, r *http.Request) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	events, err := s.commerce.LicenceEvents(r.Context(), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": events})
	return nil
}

// licenceIn is a licence as the API takes it; decision names the
// amending decision of a change.
type licenceIn struct {
	commerce.Licence
	Decision string `json:"decision,omitempty"`
}

func (s *handlers) apiCreateLicence(w http.ResponseWriter, r *http.Request) error {
	var in licenceIn
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.commerce.CreateLicence(r.Context(), &in.Licence); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/licences/"+strconv.FormatInt(in.ID, 10))
	web.WriteJSON(w, http.StatusCreated, out([]*commerce.Licence{&in.Licence}, s.Today())[0])
	return nil
}

func (s *handlers) apiUpdateLicence(w http.ResponseWriter, r *http.Request) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	var in licenceIn
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.commerce.UpdateLicence(r.Context(), id, in.Version, &in.Licence, in.Decision); err != nil {
		return err
	}
	l, err := s.commerce.FindLicence(r.Context(), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, out([]*commerce.Licence{l}, s.Today())[0])
	return nil
}

// decisionIn is a decision as the API takes it, at the licence's version.
type decisionIn struct {
	commerce.Event
	Version int `json:"version"`
}

func (s *handlers) apiDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := s.licenceID(r)
	if err != nil {
		return err
	}
	var in decisionIn
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	l, err := s.commerce.DecideLicence(r.Context(), id, in.Version, in.Event)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, out([]*commerce.Licence{l}, s.Today())[0])
	return nil
}
