package parkweb

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/i18n"
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

// apiReplacePlots takes a site's plots: a GeoJSON FeatureCollection
// replaces the plan, a sheet (XLSX or CSV) changes the plots on it; all or
// nothing.
func (s *handlers) apiReplacePlots(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	if _, err := s.takePlots(f.Ctx, r.PathValue("code"), f.Body); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// takePlots reads a plots file, GeoJSON or a sheet by its first byte, and
// stores it; it answers how many rows it took.
func (s *handlers) takePlots(ctx context.Context, code string, body []byte) (int, error) {
	body = bytes.TrimSpace(body)
	n := 0
	if bytes.HasPrefix(body, []byte("{")) {
		plots, err := park.ReadPlots(body)
		if err != nil {
			return 0, err
		}
		if err := s.parks.ReplacePlots(ctx, code, plots); err != nil {
			return 0, err
		}
		n = len(plots)
	} else {
		changes, err := park.ReadPlotSheet(ctx, body, plotHeadings(), plotStatusWords())
		if err != nil {
			return 0, err
		}
		if err := s.parks.UpdatePlots(ctx, code, changes); err != nil {
			return 0, err
		}
		n = len(changes)
	}
	return n, nil
}

// plotSheetColumns are the catalogue's headings of the plots workbook, by
// column: a sheet exported in any language reads back.
var plotSheetColumns = map[string]string{"parks.plot": "code", "parks.plot_area": "area_ha", "parks.status": "status",
	"parks.tenant": "tenant", "parks.plot_tax_code": "tenant_tax_code"}

func plotHeadings() park.PlotSheetHeadings {
	h := park.PlotSheetHeadings{}
	for _, lang := range i18n.Languages {
		p := i18n.Default().Printer(lang)
		for id, col := range plotSheetColumns {
			h[p.T(id)] = col
		}
	}
	return h
}

func plotStatusWords() map[string]string {
	words := map[string]string{}
	for _, lang := range i18n.Languages {
		p := i18n.Default().Printer(lang)
		for _, st := range park.PlotStatuses {
			words[strings.ToLower(p.T("parks.plot_"+st))] = st
		}
	}
	return words
}

// plotsPage is where staff bring a site's plots: the plan as GeoJSON, or
// a sheet of statuses and tenants.
type plotsPage struct {
	S       *park.Site
	Columns string
	web.ImportOutcome
}

func (s *handlers) showPlots(w http.ResponseWriter, r *http.Request) error {
	return s.renderPlots(w, r, plotsPage{}, nil)
}

func (s *handlers) renderPlots(w http.ResponseWriter, r *http.Request, d plotsPage, err error) error {
	site, ferr := s.parks.FindPark(r.Context(), r.PathValue("code"))
	if ferr != nil {
		return ferr
	}
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() || !a.InScope(site.UnitCode, site.ProvinceCode) {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "park.site_outside_your_scope", site.Code)
	}
	p := s.PrinterFor(r)
	d.S = site
	cols := make([]string, 0, len(park.PlotColumns))
	for _, id := range []string{"parks.plot", "parks.plot_area", "parks.status", "parks.tenant", "parks.plot_tax_code"} {
		cols = append(cols, p.T(id))
	}
	d.Columns = strings.Join(cols, ", ")
	v := &web.View{Title: p.T("parks.plots_update"), Nav: "parks"}
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	}
	web.Show(s.Server, w, r, status, "park_plots", v, d)
	return nil
}

func (s *handlers) doPlots(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	n := 0
	if err == nil {
		defer f.Release()
		n, err = s.takePlots(f.Ctx, r.PathValue("code"), f.Body)
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL || congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
		return err
	}
	if err == nil {
		s.Flash(w, "parks.plots_taken")
		http.Redirect(w, r, "/parks/"+url.PathEscape(r.PathValue("code"))+"#plots", http.StatusSeeOther)
		return nil
	}
	return s.renderPlots(w, r, plotsPage{ImportOutcome: web.Outcome(s.PrinterFor(r), db.ImportResult{Rows: n}, err)}, err)
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
