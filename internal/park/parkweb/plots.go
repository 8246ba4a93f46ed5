package parkweb

import (
	"bytes"
	"encoding/json"
	"net/http"

	"congthuong/internal/park"
	"congthuong/internal/web"
)

// plotFeature is a plot as GeoJSON.
type plotFeature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties park.Plot       `json:"properties"`
}

// apiPlots answers a site's plots as a GeoJSON FeatureCollection, with
// what they add up to.
func (s *handlers) apiPlots(w http.ResponseWriter, r *http.Request) error {
	plots, err := s.parks.Plots(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	features := make([]plotFeature, 0, len(plots))
	for _, p := range plots {
		geom, err := json.Marshal(p.Geometry)
		if err != nil {
			return err
		}
		features = append(features, plotFeature{Type: "Feature", ID: p.Code, Geometry: geom, Properties: p})
	}
	sum := park.SummarizePlots(plots)
	w.Header().Set("Content-Type", "application/geo+json")
	return json.NewEncoder(w).Encode(map[string]any{"type": "FeatureCollection", "features": features,
		"summary": map[string]any{"plots": sum.Count, "vacant": sum.Vacant, "vacant_ha": sum.VacantArea, "area_ha": sum.Area}})
}

// apiReplacePlots replaces a site's plots with a GeoJSON FeatureCollection,
// all or nothing.
func (s *handlers) apiReplacePlots(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	plots, err := park.ReadPlots(bytes.TrimSpace(f.Body))
	if err != nil {
		return err
	}
	if err := s.parks.ReplacePlots(f.Ctx, r.PathValue("code"), plots); err != nil {
		return err
	}
	s.parksChanged()
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// exportPlots writes a site's plots as a workbook: code, area, status and
// tenant, in the reader's language, for a site's brochure or a meeting.
func (s *handlers) exportPlots(w http.ResponseWriter, r *http.Request) error {
	plots, err := s.parks.Plots(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	header := []string{p.T("parks.plot"), p.T("parks.plot_area"), p.T("parks.status"), p.T("parks.tenant"), p.T("parks.plot_tax_code")}
	return web.WriteWorkbook(w, "plots", header, func(emit func([]string) error) error {
		for _, pl := range plots {
			if err := emit([]string{pl.Code, pl.Area.Hectares(), p.T("parks.plot_" + pl.Status), pl.Tenant, pl.TaxCode}); err != nil {
				return err
			}
		}
		return nil
	})
}
