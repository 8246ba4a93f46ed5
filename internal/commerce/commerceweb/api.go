package commerceweb

import (
	"encoding/json"
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

// premiseFeature is a licensed premises as a GeoJSON feature.
type premiseFeature struct {
	Type       string         `json:"type"`
	ID         int64          `json:"id"`
	Geometry   map[string]any `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// appendPlace adds a market or a store with a place to features: a point
// whose properties are its OpenStreetMap tags with the register's id,
// commune and class.
func appendPlace(features []premiseFeature, id int64, unitCode string, class int, lon, lat *float64, tags map[string]string) []premiseFeature {
	if lon == nil || lat == nil {
		return features
	}
	props := map[string]any{"id": id, "unit_code": unitCode, "class": class}
	for k, v := range tags {
		props[k] = v
	}
	return append(features, premiseFeature{Type: "Feature", ID: id,
		Geometry: map[string]any{"type": "Point", "coordinates": []float64{*lon, *lat}}, Properties: props})
}

// writeGeoJSON answers features as a GeoJSON FeatureCollection.
func writeGeoJSON(w http.ResponseWriter, features []premiseFeature) error {
	w.Header().Set("Content-Type", "application/geo+json")
	return json.NewEncoder(w).Encode(map[string]any{"type": "FeatureCollection", "features": features})
}

// apiPremises answers the licensed premises of a commune (?unit=) as a
// GeoJSON FeatureCollection, named in the reader's language.
func (s *handlers) apiPremises(w http.ResponseWriter, r *http.Request) error {
	unitCode := r.URL.Query().Get("unit")
	if unitCode == "" {
		return congthuong.FieldErr(congthuong.EINVALID, "unit", "commerce.unit_required")
	}
	items, err := s.commerce.LicensedPremises(r.Context(), unitCode, s.Today())
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	features := make([]premiseFeature, 0, len(items))
	for _, l := range items {
		k, _ := commerce.FindKind(l.Kind)
		features = append(features, premiseFeature{Type: "Feature", ID: l.ID,
			Geometry: map[string]any{"type": "Point", "coordinates": []float64{*l.Lon, *l.Lat}},
			Properties: map[string]any{"id": l.ID, "kind": l.Kind, "kind_name": p.Name(k.Name()), "number": l.Number,
				"holder_name": l.HolderName, "shop_name": l.ShopName, "address": l.Address, "valid_until": l.ValidUntil}})
	}
	w.Header().Set("Content-Type", "application/geo+json")
	return json.NewEncoder(w).Encode(map[string]any{"type": "FeatureCollection", "features": features})
}
